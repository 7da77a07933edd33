package org.custodian.application.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.custodian.application.shared.AesGcmSeal;
import org.custodian.application.shared.InstallationSecret;
import org.custodian.application.shared.NotConfiguredException;

/**
 * Seals second-factor secrets (AES-256-GCM, random 96-bit nonce, the username as associated data so a sealed
 * secret cannot be moved to another user) and keys the hashes of recovery codes, both under
 * {@code custodian.auth.second-factor-key} (32 bytes, base64). Without the key nobody can enroll.
 */
@ApplicationScoped
public class SecretSealer {

    static final String KEY_PROPERTY = "custodian.auth.second-factor-key";

    private final SecureRandom random = new SecureRandom();
    private AesGcmSeal key;
    private SecretKeySpec macKey;

    public SecretSealer() {
    }

    /** For tests: a sealer with this key. */
    public SecretSealer(byte[] rawKey) {
        useKey(rawKey);
    }

    @PostConstruct
    void loadKey() {
        InstallationSecret.read(KEY_PROPERTY).ifPresent(this::useKey);
    }

    private void useKey(byte[] raw) {
        InstallationSecret.checked(raw, KEY_PROPERTY);
        key = new AesGcmSeal(raw, random);
        try {
            // a separate key for the hashes, derived from the configured one
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(raw, "HmacSHA256"));
            macKey = new SecretKeySpec(derive.doFinal("recovery-codes".getBytes(StandardCharsets.US_ASCII)),
                    "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    public String seal(String username, byte[] secret) {
        requireKey();
        return key.seal(username, secret);
    }

    public byte[] open(String username, String sealedText) {
        requireKey();
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
        requireKey();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalizedCode.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * HMAC-SHA256 (hex) of a one-time secret that arrives without its owner's name (an invitation link's token),
     * under a key derived for that purpose: the table holds only this, so a stolen row opens nothing.
     */
    public String keyedHash(String purpose, String secret) {
        requireKey();
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(macKey);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isConfigured() {
        return key != null;
    }

    private void requireKey() {
        if (key == null) {
            throw new NotConfiguredException(KEY_PROPERTY + " is not set: second factors can be neither enrolled"
                    + " nor checked");
        }
    }
}
