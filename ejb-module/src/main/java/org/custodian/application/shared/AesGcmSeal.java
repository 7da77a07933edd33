package org.custodian.application.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small secrets kept in the database (second-factor secrets, webhook signing secrets): AES-256-GCM with a
 * random 96-bit nonce, bound to a context (associated data: the owning user or account, so a sealed value cannot be
 * moved to another row), stored as base64 of nonce then ciphertext and tag. One implementation for every such
 * secret, so the format and the nonce rule cannot drift apart.
 */
public final class AesGcmSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    /** {@code raw}: the 32-byte key; {@code random}: the caller's generator (nonces must never repeat). */
    public AesGcmSeal(byte[] raw, SecureRandom random) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.random = random;
    }

    public String seal(String context, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    /** The secret; throws {@link GeneralSecurityException} for another key, another context or an altered value. */
    public byte[] open(String context, String sealedText) throws GeneralSecurityException {
        byte[] sealed = Base64.getDecoder().decode(sealedText);
        if (sealed.length <= NONCE_BYTES) {
            throw new GeneralSecurityException("too short to be a sealed value");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }
}
