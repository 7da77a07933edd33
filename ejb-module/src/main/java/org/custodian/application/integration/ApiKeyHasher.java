package org.custodian.application.integration;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.spec.SecretKeySpec;
import org.custodian.application.shared.HmacSha256;
import org.custodian.application.shared.InstallationKeyed;
import org.custodian.domain.model.integration.ApiKeyToken;

/**
 * Makes API keys and keys their hashes: HMAC-SHA256 over the key id and the secret, under a key derived from the
 * installation's {@code custodian.auth.second-factor-key} (as recovery codes are, with another label). A stolen
 * table thus gives neither the secrets nor a way to test guesses offline without that installation key.
 */
@ApplicationScoped
public class ApiKeyHasher extends InstallationKeyed {

    static final String KEY_PROPERTY = "custodian.auth.second-factor-key";

    private SecretKeySpec macKey;

    public ApiKeyHasher() {
        super(KEY_PROPERTY);
    }

    /** For tests: a hasher under this installation key (32 bytes). */
    public ApiKeyHasher(byte[] rawKey) {
        this();
        useKey(rawKey);
    }

    @Override
    protected void keyed(byte[] raw) {
        macKey = HmacSha256.derive(raw, "api-keys".getBytes(StandardCharsets.US_ASCII));
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
        requireKey("API keys can be neither made nor checked");
        return HmacSha256.hex(macKey, key.keyId().getBytes(StandardCharsets.US_ASCII),
                key.secret().getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether the presented key matches the stored hash, in time independent of where they differ. */
    public boolean matches(ApiKeyToken presented, String storedHash) {
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
