package org.custodian.it;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Tokens made with the development signing key, as an enterprise IdP configured for Custodian would issue them. */
final class Tokens {

    private Tokens() {
    }

    /** A valid token for a user the IdP knows (the user need not have a password in Custodian). */
    static String forUser(String username, String role, List<String> regions) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("urn:custodian").audience("custodian-api")
                .subject(username).claim("upn", username).claim("groups", List.of(role)).claim("region", regions)
                .claim("tv", tokenVersion(username))
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))).build();
        return sign(DevKeys.signingKey(), claims);
    }

    /** The user's token version now, as the server would put it in a token (0 for a user it does not hold). */
    private static int tokenVersion(String username) throws SQLException {
        if (username.indexOf('\0') >= 0) {
            return 0; // no such user can exist (PostgreSQL cannot even be asked): a test of the refusal
        }
        try (Connection sql = EmbeddedPostgresSession.connect();
                PreparedStatement query = sql.prepareStatement("select token_version from app_user where username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    static String sign(PrivateKey key, JWTClaimsSet claims) throws Exception {
        // Payara's MP-JWT insists on typ: JWT in the header; the kid is the key's RFC 7638 thumbprint, as the server's
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
        if (key instanceof RSAPrivateCrtKey rsa) {
            header.keyID(new RSAKey.Builder((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()))).build()
                    .computeThumbprint().toString());
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
