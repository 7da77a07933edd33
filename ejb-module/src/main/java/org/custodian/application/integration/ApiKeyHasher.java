package org.custodian.application.integration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.custodian.application.shared.InstallationSecret;
import org.custodian.application.shared.NotConfiguredException;
import org.custodian.domain.model.integration.ApiKeyToken;

/**
 * Makes API keys and keys their hashes: HMAC-SHA256 over the key id and the secret, under a key derived from the
 * installation's {@code custodian.auth.second-factor-key} (as recovery codes are, with another label). A stolen
 * table thus gives neither the secrets nor a way to test guesses offline without that installation key.
 */
@ApplicationScoped
public class ApiKeyHasher {

    static final String KEY_PROPERTY = "custodian.auth.second-factor-key";

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec macKey;

    public ApiKeyHasher() {
    }

    /** For tests: a hasher under this installation key (32 bytes). */
    public ApiKeyHasher(byte[] rawKey) {
        useKey(rawKey);
    }

    @PostConstruct
    void loadKey() {
        InstallationSecret.read(KEY_PROPERTY).ifPresent(this::useKey);
    }

    private void useKey(byte[] raw) {
        InstallationSecret.checked(raw, KEY_PROPERTY);
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(raw, "HmacSHA256"));
            macKey = new SecretKeySpec(derive.doFinal("api-keys".getBytes(StandardCharsets.US_ASCII)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new key from the platform's strong random source. */
    public ApiKeyToken newKey() {
        byte[] id = new byte[ApiKeyToken.KEY_ID_LENGTH];
        byte[] secret = new byte[ApiKeyToken.SECRET_LENGTH];
        random.nextBytes(id);
        random.nextBytes(secret);
        return ApiKeyToken.of(id, secret);
    }

    /** HMAC-SHA256 (hex) of the key id and secret. */
    public String hash(ApiKeyToken key) {
        if (macKey == null) {
            throw new NotConfiguredException(KEY_PROPERTY + " is not set: API keys can be neither made nor checked");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            mac.update(key.keyId().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(key.secret().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the presented key matches the stored hash, in time independent of where they differ. */
    public boolean matches(ApiKeyToken presented, String storedHash) {
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
