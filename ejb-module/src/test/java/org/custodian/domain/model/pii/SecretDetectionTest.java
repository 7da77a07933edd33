package org.custodian.domain.model.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDetectionTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    private static List<String> secrets(String text) {
        return Detected.values(PiiType.SECRET, text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "AKIAIOSFODNN7EXAMPLE",
        "ASIAY34FZKBOKMUTVV7A",
        "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",
        "gho_16C7e42F292c6912E7710c838347Ae178B4a",
        "ghu_16C7e42F292c6912E7710c838347Ae178B4a",
        "ghs_16C7e42F292c6912E7710c838347Ae178B4a",
        "ghr_16C7e42F292c6912E7710c838347Ae178B4a",
        "github_pat_11ABCDEFG0123456789abc_0123456789abcdefghijABCDEFGHIJ0123456789abcdefghijklmnopqrs",
        "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
        "xoxp-1234567890-abcdefghij",
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "rk_live_4eC39HqLyjWDarjtT1zdp7dcXYZ",
        "AIzaSyA-1234567890abcdefghijklmnopqrstu",
        JWT,
    })
    void prefixedTokensAreFound(String token) {
        assertEquals(List.of(token), secrets("leaked " + token + " yesterday."));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "AKIAIOSFODNN7EXAMPL",          // 15 after the prefix
        "AKIAIOSFODNN7EXAMPLEX",        // 17 after the prefix
        "ghp_tooShort",
        "ghx_16C7e42F292c6912E7710c838347Ae178B4a",
        "github_pat_short",
        "xoxz-123456789012-1234567890123",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "sk_live_short",
        "AIzaTooShort",
        "eyJhbGciOiJIUzI1NiJ9.onlyTwo",
        "XAKIAIOSFODNN7EXAMPLE",
        "id-AKIAIOSFODNN7EXAMPLE",
    })
    void nearMissesAreNotSecrets(String token) {
        assertEquals(List.of(), secrets("see " + token + " here"));
    }

    @Test
    void pemPrivateKeyBlockIsOneSpan() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA+4930123456/abc\nq83jd==\n"
                + "-----END RSA PRIVATE KEY-----";
        assertEquals(List.of(pem), secrets("key:\n" + pem + "\nthanks"));
        String generic = "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----";
        assertEquals(List.of(generic), secrets(generic));
    }

    @Test
    void certificatesAndUnterminatedBlocksAreNotSecrets() {
        assertEquals(List.of(), secrets("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"));
        assertEquals(List.of(), secrets("-----BEGIN PRIVATE KEY-----\nMIIB... (truncated)"));
    }

    @Test
    void passwordValuePairsReportTheValueOnly() {
        assertEquals(List.of("hunter2!"), secrets("password: hunter2! thanks"));
        assertEquals(List.of("hunter2"), secrets("Password=hunter2"));
        assertEquals(List.of("s3cr3t"), secrets("pwd:s3cr3t\nnext line"));
        assertEquals(List.of("s3cr3t"), secrets("passwd = s3cr3t"));
        assertEquals(List.of("abc123"), secrets("client_secret: abc123"));
        assertEquals(List.of("Geheim99"), secrets("Passwort: Geheim99"));
        assertEquals(List.of("Secret99"), secrets("mot de passe : Secret99"));
        assertEquals(List.of("with space"), secrets("{\"password\": \"with space\"}"));
    }

    @Test
    void passwordWordsWithoutAValueAreNotSecrets() {
        assertEquals(List.of(), secrets("I forgot my password, please reset it."));
        assertEquals(List.of(), secrets("The password reset link: expired."));
        assertEquals(List.of(), secrets("password:\nnext line"));
        assertEquals(List.of(), secrets("password: ********"));
        assertEquals(List.of(), secrets("password: [REDACTED]"));
        assertEquals(List.of(), secrets("mypassword: nope"));
    }
}
