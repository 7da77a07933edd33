package org.custodian.application.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import org.custodian.application.shared.AesGcmSeal;
import org.custodian.application.shared.InstallationKeyed;

/**
 * Seals webhook signing secrets at rest (AES-256-GCM, a random 96-bit nonce, the owning account as associated data
 * so a sealed secret cannot be moved to another account's webhook) under {@code custodian.webhook.secret-key}
 * (32 bytes, base64; generated into the data directory when nobody configured one). The secret must be at hand in
 * clear to sign, so it is sealed rather than hashed; it is never logged and shown only once, at registration.
 */
@ApplicationScoped
public class WebhookSecretBox extends InstallationKeyed {

    static final String KEY_PROPERTY = "custodian.webhook.secret-key";
    private static final String WITHOUT_KEY = "webhooks can be neither registered nor signed";

    private AesGcmSeal key;

    public WebhookSecretBox() {
        super(KEY_PROPERTY);
    }

    /** For tests: a box with this key. */
    public WebhookSecretBox(byte[] rawKey) {
        this();
        useKey(rawKey);
    }

    @Override
    protected void keyed(byte[] raw) {
        key = new AesGcmSeal(raw, random);
    }

    /** A new signing key (32 random bytes, as Standard Webhooks suggests 24 to 64). */
    public byte[] newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    public String seal(String account, byte[] secret) {
        requireKey(WITHOUT_KEY);
        return key.seal("webhook:" + account, secret);
    }

    public byte[] open(String account, String sealedText) {
        requireKey(WITHOUT_KEY);
        try {
            return key.open("webhook:" + account, sealedText);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook secret of " + account + " does not open with the configured"
                    + " key (" + KEY_PROPERTY + " changed?)", e);
        }
    }
}
