package org.custodian.domain.model.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTokenTest {

    private static final String KEY = "cst_abcdefgh2345_" + "a".repeat(26) + "7".repeat(26);

    @Test
    void aKeyHasThePrefixTheIdAndTheSecret() {
        byte[] id = new byte[12];
        byte[] secret = new byte[52];
        Arrays.fill(id, (byte) 1);
        Arrays.fill(secret, (byte) 31);
        ApiKeyToken token = ApiKeyToken.of(id, secret);
        assertEquals("cst_" + "b".repeat(12) + "_" + "7".repeat(52), token.text());
        assertEquals(ApiKeyToken.LENGTH, token.text().length());
        assertEquals(Optional.of(token), ApiKeyToken.parse(token.text()));
        assertTrue(ApiKeyToken.isKeyId(token.keyId()));
    }

    @Test
    void wellFormedKeysParse() {
        ApiKeyToken parsed = ApiKeyToken.parse(KEY).orElseThrow();
        assertEquals("abcdefgh2345", parsed.keyId());
        assertEquals(52, parsed.secret().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cst_", "cst_abcdefgh2345", "CST_abcdefgh2345_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "cst_abcdefgh2345-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "cst_abcdefgh2341_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "cst_abcdefgh2345_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "cst_abcdefgh2345_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "cst_abcdefgh2345_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void anythingElseDoesNot(String text) {
        assertEquals(Optional.empty(), ApiKeyToken.parse(text));
    }

    @Test
    void onlyTheOwnPrefixIsTakenForAKey() {
        assertTrue(ApiKeyToken.looksLikeKey(KEY));
        assertFalse(ApiKeyToken.looksLikeKey("eyJhbGciOiJSUzI1NiJ9.e30.sig"));
        assertFalse(ApiKeyToken.looksLikeKey(null));
    }

    @Test
    void theSecretNeverAppearsInItsTextForm() {
        ApiKeyToken parsed = ApiKeyToken.parse(KEY).orElseThrow();
        assertFalse(parsed.toString().contains(parsed.secret()));
        assertTrue(parsed.toString().contains(parsed.keyId()));
    }
}
