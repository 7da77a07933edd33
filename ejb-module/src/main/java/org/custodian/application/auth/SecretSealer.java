package org.custodian.application.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.spec.SecretKeySpec;
import org.custodian.application.shared.AesGcmSeal;
import org.custodian.application.shared.HmacSha256;
import org.custodian.application.shared.InstallationKeyed;

/**
 * Seals second-factor secrets (AES-256-GCM, random 96-bit nonce, the username as associated data so a sealed
 * secret cannot be moved to another user) and keys the hashes of recovery codes, both under
 * {@code custodian.auth.second-factor-key} (32 bytes, base64). Without the key nobody can enroll.
 */
@ApplicationScoped
public class SecretSealer extends InstallationKeyed {

    static final String KEY_PROPERTY = "custodian.auth.second-factor-key";
    private static final String WITHOUT_KEY = "second factors can be neither enrolled nor checked";

    private AesGcmSeal key;
    private SecretKeySpec macKey;

    public SecretSealer() {
        super(KEY_PROPERTY);
    }

    /** For tests: a sealer with this key. */
    public SecretSealer(byte[] rawKey) {
        this();
        useKey(rawKey);
    }

    @Override
    protected void keyed(byte[] raw) {
        key = new AesGcmSeal(raw, random);
        // a separate key for the hashes, derived from the configured one
        macKey = HmacSha256.derive(raw, "recovery-codes".getBytes(StandardCharsets.US_ASCII));
    }

    public byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    public String seal(String username, byte[] secret) {
        requireKey(WITHOUT_KEY);
        return key.seal(username, secret);
    }

    public byte[] open(String username, String sealedText) {
        requireKey(WITHOUT_KEY);
        try {
            return key.open(username, sealedText);
        } catch (GeneralSecurityException e) {
            // another key, or a secret moved from another user's row: never usable
            throw new IllegalStateException("the second-factor secret of " + username
                    + " does not open with the configured key", e);
        }
    }

    /** HMAC-SHA256 (hex) of a normalized recovery code and its owner. */
    public String recoveryCodeHash(String username, String normalizedCode) {
        requireKey(WITHOUT_KEY);
        return HmacSha256.hex(macKey, username.getBytes(StandardCharsets.UTF_8),
                normalizedCode.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * HMAC-SHA256 (hex) of a one-time secret that arrives without its owner's name (an invitation link's token),
     * under a key derived for that purpose: the table holds only this, so a stolen row opens nothing.
     */
    public String keyedHash(String purpose, String secret) {
        requireKey(WITHOUT_KEY);
        return HmacSha256.hex(HmacSha256.derive(macKey, purpose.getBytes(StandardCharsets.UTF_8)),
                secret.getBytes(StandardCharsets.UTF_8));
    }
}
