package org.custodian.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ID token of the code flow and the back-channel logout token, checked against an IdP served here (discovery
 * document and JWK set): what passes, and each check that must refuse (each of these would pass without it).
 */
class ProviderTokensTest {

    private static final String CLIENT = "custodian-portal";
    private static final String NONCE = "n-0S6_WzA2Mj";

    private final RSAKey key = rsa();
    private HttpServer server;
    private String issuer;
    private ProviderTokens tokens;

    @BeforeEach
    void startIdp() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/custodian";
        serve("/realms/custodian/.well-known/openid-configuration", "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\""
                + issuer + "/certs\",\"end_session_endpoint\":\"" + issuer + "/logout\"}");
        serve("/realms/custodian/certs", new JWKSet(key.toPublicJWK()).toString());
        server.start();
        Map<String, String> config = new HashMap<>(Map.of("custodian.oidc.issuer", issuer,
                "custodian.oidc.client-id", CLIENT, "custodian.oidc.client-secret", "s3cret"));
        IdentityProviderSettings settings = new IdentityProviderSettings();
        settings.read(name -> Optional.ofNullable(config.get(name)));
        tokens = new ProviderTokens();
        tokens.idp = settings;
        tokens.discovery = new ProviderDiscovery();
        tokens.discovery.idp = settings;
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anIdTokenPassesOnlyWithItsNonceAudienceIssuerKeyAndLifetime() throws Exception {
        assertEquals("kc-agent", tokens.idToken(sign(key, idToken()), NONCE).getClaim("preferred_username"));
        Map<String, String> refused = new HashMap<>();
        refused.put("another sign-in's nonce", sign(key, idToken().claim("nonce", "other")));
        refused.put("no nonce", sign(key, idToken().claim("nonce", null)));
        refused.put("another audience", sign(key, idToken().audience("other-app")));
        refused.put("another client's azp", sign(key, idToken().claim("azp", "other-app")));
        refused.put("another issuer", sign(key, idToken().issuer(issuer + "-other")));
        refused.put("expired", sign(key, idToken().expirationTime(Date.from(Instant.now().minusSeconds(120)))));
        refused.put("a stranger's key", sign(rsa(), idToken()));
        refused.put("garbage", "a.b.c");
        refused.forEach((why, token) -> assertThrows(TokenRejectedException.class, () -> tokens.idToken(token, NONCE),
                why));
    }

    @Test
    void aLogoutTokenNeedsTheEventASessionOrSubjectAndNoNonce() throws Exception {
        assertEquals("sid-1", tokens.logoutToken(sign(key, logoutToken())).getClaim("sid"));
        assertEquals("sub-1", tokens.logoutToken(sign(key, logoutToken().claim("sid", null))).getSubject());
        Map<String, String> refused = new HashMap<>();
        refused.put("no events", sign(key, logoutToken().claim("events", null)));
        refused.put("another event", sign(key, logoutToken().claim("events", Map.of("urn:other", Map.of()))));
        refused.put("a nonce (an ID token)", sign(key, logoutToken().claim("nonce", NONCE)));
        refused.put("neither sid nor sub", sign(key, logoutToken().claim("sid", null).subject(null)));
        refused.put("no iat", sign(key, logoutToken().issueTime(null)));
        refused.put("no jti", sign(key, logoutToken().jwtID(null)));
        refused.put("another audience", sign(key, logoutToken().audience("other-app")));
        refused.put("a stranger's key", sign(rsa(), logoutToken()));
        refused.put("the ID token itself", sign(key, idToken()));
        refused.forEach((why, token) -> assertThrows(TokenRejectedException.class, () -> tokens.logoutToken(token),
                why));
    }

    private JWTClaimsSet.Builder idToken() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT).subject("sub-1").claim("nonce", NONCE)
                .claim("azp", CLIENT).claim("sid", "sid-1").claim("preferred_username", "kc-agent")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    private JWTClaimsSet.Builder logoutToken() {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT).subject("sub-1").claim("sid", "sid-1")
                .issueTime(new Date()).jwtID("jti-1")
                .claim("events", Map.of(ProviderTokens.BACKCHANNEL_EVENT, Map.of()));
    }

    private void serve(String path, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    private static String sign(RSAKey key, JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims.build());
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
