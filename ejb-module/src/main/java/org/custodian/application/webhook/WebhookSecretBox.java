package org.custodian.application.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.custodian.application.shared.NotConfiguredException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals webhook signing secrets at rest (AES-256-GCM, a random 96-bit nonce, the owning account as associated data
 * so a sealed secret cannot be moved to another account's webhook) under {@code custodian.webhook.secret-key}
 * (32 bytes, base64; generated into the data directory when nobody configured one). The secret must be at hand in
 * clear to sign, so it is sealed rather than hashed; it is never logged and shown only once, at registration.
 */
@ApplicationScoped
public class WebhookSecretBox {

    static final String KEY_PROPERTY = "custodian.webhook.secret-key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    @ConfigProperty(name = KEY_PROPERTY)
    Optional<String> keyText;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec key;

    public WebhookSecretBox() {
    }

    /** For tests: a box with this key. */
    public WebhookSecretBox(byte[] rawKey) {
        useKey(rawKey);
    }

    @PostConstruct
    void loadKey() {
        keyText.filter(text -> !text.isBlank()).ifPresent(text -> {
            try {
                useKey(Base64.getDecoder().decode(text.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(KEY_PROPERTY + " must be base64 of 32 bytes", e);
            }
        });
    }

    private void useKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalStateException(KEY_PROPERTY + " must be 32 bytes (base64 of 32 random bytes)");
        }
        key = new SecretKeySpec(raw, "AES");
    }

    /** A new signing key (32 random bytes, as Standard Webhooks suggests 24 to 64). */
    public byte[] newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    public String seal(String account, byte[] secret) {
        requireKey();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(("webhook:" + account).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    public byte[] open(String account, String sealedText) {
        requireKey();
        byte[] sealed = Base64.getDecoder().decode(sealedText);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(("webhook:" + account).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook secret of " + account + " does not open with the configured"
                    + " key (" + KEY_PROPERTY + " changed?)", e);
        }
    }

    private void requireKey() {
        if (key == null) {
            throw new NotConfiguredException(KEY_PROPERTY + " is not set: webhooks can be neither registered nor"
                    + " signed");
        }
    }
}
