package org.custodian.application.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesGcmSealTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
        Arrays.fill(OTHER_KEY, (byte) 8);
    }

    private final AesGcmSeal seal = new AesGcmSeal(KEY, new SecureRandom());

    @Test
    void aSealedSecretOpensOnlyWithItsKeyAndContext() throws Exception {
        byte[] secret = "totp secret".getBytes(StandardCharsets.UTF_8);
        String sealed = seal.seal("alice", secret);
        assertArrayEquals(secret, seal.open("alice", sealed));
        assertNotEquals(sealed, seal.seal("alice", secret), "a fresh nonce each time");
        assertThrows(GeneralSecurityException.class, () -> seal.open("bob", sealed), "moved to another row");
        assertThrows(GeneralSecurityException.class,
                () -> new AesGcmSeal(OTHER_KEY, new SecureRandom()).open("alice", sealed));
        byte[] altered = Base64.getDecoder().decode(sealed);
        altered[altered.length - 1] ^= 1;
        assertThrows(GeneralSecurityException.class,
                () -> seal.open("alice", Base64.getEncoder().encodeToString(altered)));
        assertThrows(GeneralSecurityException.class, () -> seal.open("alice", "AAAA"), "too short");
    }

    @Test
    void valuesSealedBeforeKeepOpening() throws Exception {
        // the stored format: base64(nonce(12) || ciphertext || tag(16)), the context as associated data
        byte[] nonce = new byte[12];
        Arrays.fill(nonce, (byte) 3);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD("webhook:crm".getBytes(StandardCharsets.UTF_8));
        byte[] body = cipher.doFinal("whsec".getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[nonce.length + body.length];
        System.arraycopy(nonce, 0, stored, 0, nonce.length);
        System.arraycopy(body, 0, stored, nonce.length, body.length);
        assertArrayEquals("whsec".getBytes(StandardCharsets.UTF_8),
                seal.open("webhook:crm", Base64.getEncoder().encodeToString(stored)));
    }
}
