package org.custodian.application.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.TreeSet;
import java.util.UUID;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues RS256 JWTs in the shape {@code TrustedIssuers} verifies: the issuer and audience it checks are
 * read from the very same configuration keys, so issuing and verifying cannot drift apart.
 */
@ApplicationScoped
public class TokenIssuer {

    /** Tokens of this service live at most this long. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

    @Inject
    @ConfigProperty(name = "custodian.jwt.signing-key")
    String signingKeyText;

    @Inject
    @ConfigProperty(name = "custodian.jwt.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "custodian.jwt.audience")
    String audience;

    @Inject
    @ConfigProperty(name = "custodian.jwt.lifetime", defaultValue = "PT15M")
    Duration lifetime;

    private PrivateKey signingKey;

    /** The RFC 7638 thumbprint of the key's public half: the JWKS at /api/v1/auth/jwks names it the same. */
    private String keyId;

    @PostConstruct
    void loadKey() {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalStateException("custodian.jwt.lifetime must be between 1 s and 15 min, got " + lifetime);
        }
        try {
            RSAPrivateCrtKey key = JsonWebKeys.privateKey(signingKeyText);
            signingKey = key;
            keyId = JsonWebKeys.thumbprint(JsonWebKeys.publicHalf(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("custodian.jwt.signing-key is not a PKCS#8 RSA private key", e);
        }
    }

    public AccessToken issue(User user, Instant now) {
        String header = Json.createObjectBuilder()
                .add("alg", "RS256").add("typ", "JWT").add("kid", keyId)
                .build().toString();
        JsonArrayBuilder groups = Json.createArrayBuilder();
        new TreeSet<>(user.getRoles().stream().map(Role::name).toList()).forEach(groups::add);
        JsonArrayBuilder regions = Json.createArrayBuilder();
        new TreeSet<>(user.getRegions().stream().map(Region::name).toList()).forEach(regions::add);
        Instant expiry = now.plus(lifetime);
        String payload = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience.split(",")[0].trim())
                .add("sub", user.getUsername())
                .add("upn", user.getUsername())
                .add("name", user.getDisplayName())
                .add("groups", groups)
                .add("region", regions)
                .add("jti", UUID.randomUUID().toString())
                // the user's token version now: raising it (sign out everywhere, a reset second factor) revokes this
                .add("tv", user.getTokenVersion())
                .add("iat", now.getEpochSecond())
                .add("exp", expiry.getEpochSecond())
                .build().toString();
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(signingKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            String token = signingInput + "." + base64Url(rs256.sign());
            return new AccessToken(token, "Bearer", lifetime.toSeconds());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
