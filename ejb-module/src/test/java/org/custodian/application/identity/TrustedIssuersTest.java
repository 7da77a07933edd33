package org.custodian.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real keys, real tokens, and for the identity provider a real HTTP server (the JDK's) serving a discovery document
 * and a JWK set: what {@link TrustedIssuers} accepts and what it refuses.
 */
class TrustedIssuersTest {

    private static final String OWN = "urn:custodian";

    private final RSAKey ownKey = rsa();
    private final RSAKey previousKey = rsa();
    private final AtomicReference<JWKSet> served = new AtomicReference<>();
    private HttpServer idp;

    @AfterEach
    void stop() {
        if (idp != null) {
            idp.stop(0);
        }
    }

    @Test
    void ownTokensVerifyWithTheCurrentOrAPreviousKeyAndNothingElse() throws Exception {
        TrustedIssuers issuers = issuers(Optional.empty());
        assertTrue(issuers.verify(sign(ownKey, own())).own());
        assertEquals("agent.eu", issuers.verify(sign(previousKey, own())).claims().get("upn"));

        Instant now = Instant.now();
        RSAKey attacker = rsa();
        Map<String, String> forged = new HashMap<>();
        forged.put("alg none", new PlainJWT(own().build()).serialize());
        SignedJWT hs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), own().build());
        hs256.sign(new MACSigner(ownKey.toRSAPublicKey().getEncoded()));
        forged.put("HS256 keyed with the public key", hs256.serialize());
        forged.put("unknown kid", sign(attacker, own()));
        forged.put("our kid, foreign key", sign(attacker.toRSAPublicKey(), attacker, ownKey.getKeyID(), own()));
        forged.put("wrong issuer", sign(ownKey, own().issuer("https://evil.example")));
        forged.put("wrong audience", sign(ownKey, own().audience("someone-else")));
        forged.put("expired", sign(ownKey, own().expirationTime(Date.from(now.minusSeconds(31)))));
        forged.put("not yet valid", sign(ownKey, own().notBeforeTime(Date.from(now.plusSeconds(120)))));
        forged.put("no expiry", sign(ownKey, own().expirationTime(null)));
        forged.put("garbage", "a.b.c");
        for (Map.Entry<String, String> token : forged.entrySet()) {
            assertThrows(TokenRejectedException.class, () -> issuers.verify(token.getValue()), token.getKey());
        }
        // inside the allowed clock skew: still fine
        assertTrue(issuers.verify(sign(ownKey, own().expirationTime(Date.from(now.minusSeconds(10))))).own());
    }

    @Test
    void aVerifiedOwnTokenIsRememberedByItsExactTextOnly() throws Exception {
        TrustedIssuers issuers = issuers(Optional.empty());
        String token = sign(ownKey, own());
        VerifiedToken first = issuers.verify(token);
        assertSame(first, issuers.verify(token), "the second use skips parsing and the signature (#27)");
        int at = token.length() - 10;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertThrows(TokenRejectedException.class, () -> issuers.verify(tampered),
                "another text is checked in full, whatever was verified before");
        String expired = sign(ownKey, own().expirationTime(Date.from(Instant.now().minusSeconds(31))));
        assertThrows(TokenRejectedException.class, () -> issuers.verify(expired));
        assertThrows(TokenRejectedException.class, () -> issuers.verify(expired), "a failure is never remembered");
    }

    @Test
    void identityProviderTokensVerifyWithItsKeysFoundByDiscoveryAndNewKeysArePickedUp() throws Exception {
        RSAKey idpKey = rsa();
        served.set(new JWKSet(idpKey.toPublicJWK()));
        String issuer = startIdp();
        TrustedIssuers issuers = issuers(Optional.of(issuer));

        VerifiedToken verified = issuers.verify(sign(idpKey, idp(issuer)));
        assertFalse(verified.own());
        assertEquals("kc-agent", verified.claims().get("preferred_username"));

        // the IdP rotates: a token under a new kid makes the set be fetched again
        RSAKey rotated = rsa();
        served.set(new JWKSet(List.of(rotated.toPublicJWK(), idpKey.toPublicJWK())));
        assertFalse(issuers.verify(sign(rotated, idp(issuer))).own());

        assertThrows(TokenRejectedException.class, () -> issuers.verify(sign(idpKey, idp(issuer)
                .audience("account"))), "wrong audience");
        assertThrows(TokenRejectedException.class, () -> issuers.verify(sign(idpKey, idp(issuer)
                .issuer(issuer + "-other"))), "another realm");
        assertThrows(TokenRejectedException.class, () -> issuers.verify(sign(idpKey, idp(issuer)
                .claim("typ", "ID"))), "an ID token");
        assertThrows(TokenRejectedException.class, () -> issuers.verify(sign(ownKey, idp(issuer))),
                "our key does not sign for the IdP");
        assertThrows(TokenRejectedException.class, () -> issuers.verify(sign(idpKey, own())),
                "the IdP's key does not sign for us");
    }

    @Test
    void anIdentityProviderThatIsDownFailsItsTokensFastAndNotOurs() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        String issuer = "http://127.0.0.1:" + closed + "/realms/custodian";
        TrustedIssuers issuers = issuers(Optional.of(issuer));
        String idpToken = sign(rsa(), idp(issuer));
        IdentityProviderUnavailableException down = assertThrows(IdentityProviderUnavailableException.class,
                () -> issuers.verify(idpToken));
        assertTrue(down.getMessage().contains(issuer) && down.getMessage().contains("own tokens still work"),
                down.getMessage());
        long start = System.nanoTime();
        assertThrows(IdentityProviderUnavailableException.class, () -> issuers.verify(idpToken));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 100, "the failure is remembered");
        assertTrue(issuers.verify(sign(ownKey, own())).own());
    }

    private String startIdp() throws Exception {
        idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String issuer = "http://127.0.0.1:" + idp.getAddress().getPort() + "/realms/custodian";
        idp.createContext("/realms/custodian/.well-known/openid-configuration", exchange -> {
            byte[] body = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer
                    + "/protocol/openid-connect/certs\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.createContext("/realms/custodian/protocol/openid-connect/certs", exchange -> {
            byte[] body = served.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.start();
        return issuer;
    }

    private TrustedIssuers issuers(Optional<String> idpIssuer) {
        Map<String, String> config = new HashMap<>();
        idpIssuer.ifPresent(issuer -> config.put("custodian.oidc.issuer", issuer));
        config.put("custodian.oidc.client-id", "custodian-portal");
        config.put("custodian.oidc.timeout", "PT1S");
        IdentityProviderSettings settings = new IdentityProviderSettings();
        settings.read(name -> Optional.ofNullable(config.get(name)));
        JWKSet ours = new JWKSet(List.of(ownKey.toPublicJWK(), previousKey.toPublicJWK()));
        TrustedIssuers issuers = new TrustedIssuers() {
            @Override
            JWKSet ownKeys() {
                return ours;
            }
        };
        issuers.idp = settings;
        issuers.discovery = new ProviderDiscovery();
        issuers.discovery.idp = settings;
        issuers.ownIssuer = OWN;
        issuers.ownAudience = "custodian-api";
        return issuers;
    }

    private static JWTClaimsSet.Builder own() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(OWN).audience("custodian-api").subject("agent.eu")
                .claim("upn", "agent.eu").claim("groups", List.of("AGENT")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static JWTClaimsSet.Builder idp(String issuer) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(List.of("custodian-portal", "account"))
                .subject("4b1c2d").claim("preferred_username", "kc-agent").claim("typ", "Bearer")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String sign(RSAKey key, JWTClaimsSet.Builder claims) throws Exception {
        return sign(key.toRSAPublicKey(), key, key.getKeyID(), claims);
    }

    private static String sign(java.security.interfaces.RSAPublicKey unused, RSAKey key, String kid,
            JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid)
                .build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey rsa() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
