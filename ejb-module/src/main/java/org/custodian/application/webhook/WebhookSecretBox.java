package org.custodian.application.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.custodian.application.shared.AesGcmSeal;
import org.custodian.application.shared.InstallationSecret;
import org.custodian.application.shared.NotConfiguredException;

/**
 * Seals webhook signing secrets at rest (AES-256-GCM, a random 96-bit nonce, the owning account as associated data
 * so a sealed secret cannot be moved to another account's webhook) under {@code custodian.webhook.secret-key}
 * (32 bytes, base64; generated into the data directory when nobody configured one). The secret must be at hand in
 * clear to sign, so it is sealed rather than hashed; it is never logged and shown only once, at registration.
 */
@ApplicationScoped
public class WebhookSecretBox {

    static final String KEY_PROPERTY = "custodian.webhook.secret-key";

    private final SecureRandom random = new SecureRandom();
    private AesGcmSeal key;

    public WebhookSecretBox() {
    }

    /** For tests: a box with this key. */
    public WebhookSecretBox(byte[] rawKey) {
        useKey(rawKey);
    }

    @PostConstruct
    void loadKey() {
        InstallationSecret.read(KEY_PROPERTY).ifPresent(this::useKey);
    }

    private void useKey(byte[] raw) {
        InstallationSecret.checked(raw, KEY_PROPERTY);
        key = new AesGcmSeal(raw, random);
    }

    /** A new signing key (32 random bytes, as Standard Webhooks suggests 24 to 64). */
    public byte[] newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    public String seal(String account, byte[] secret) {
        requireKey();
        return key.seal("webhook:" + account, secret);
    }

    public byte[] open(String account, String sealedText) {
        requireKey();
        try {
            return key.open("webhook:" + account, sealedText);
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
