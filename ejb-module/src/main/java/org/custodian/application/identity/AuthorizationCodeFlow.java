package org.custodian.application.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The portal's side of the OpenID Connect Authorization Code flow (Core 3.1) with PKCE (RFC 7636, S256): the request
 * to the IdP's authorization endpoint, the code exchanged at its token endpoint (the secret sent as
 * {@code client_secret_basic}), the ID token verified ({@link ProviderTokens}) and read as an {@link IdentityClaims}
 * like the API reads an access token. Endpoints come from the discovery document ({@link ProviderDiscovery}), which
 * the API's token checks share. Built on Nimbus JOSE+JWT and the JDK's HTTP client: the flow is a handful of
 * parameters, not worth a second library.
 */
@ApplicationScoped
public class AuthorizationCodeFlow {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the portal keeps in the HTTP session between the redirect and the callback (used once). */
    public record Pending(String state, String nonce, String verifier, String redirectUri, String next,
            long startedAtMillis) implements Serializable {
    }

    /** A verified sign-in: who the ID token says it is, the token itself (for logout) and the IdP's session id. */
    public record Result(IdentityClaims identity, String idToken, String sid) {
    }

    @Inject
    ProviderDiscovery discovery;

    @Inject
    ProviderTokens tokens;

    @Inject
    IdentityProviderSettings idp;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A fresh state, nonce and PKCE verifier; {@link #authorizationUrl} sends the user to the IdP with them. */
    public Pending begin(String redirectUri, String next) {
        return new Pending(random(), random(), random() + random(), redirectUri, next, System.currentTimeMillis());
    }

    public URI authorizationUrl(Pending pending) {
        URI endpoint = discovery.provider().endpoint("authorization_endpoint").orElseThrow(() ->
                new IdentityProviderUnavailableException("the identity provider's discovery document names no"
                        + " authorization_endpoint", null));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId());
        query.put("redirect_uri", pending.redirectUri());
        query.put("scope", "openid profile email");
        query.put("state", pending.state());
        query.put("nonce", pending.nonce());
        query.put("code_challenge", challenge(pending.verifier()));
        query.put("code_challenge_method", "S256");
        return URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + form(query));
    }

    /**
     * Exchanges the code, verifies the ID token against this sign-in's nonce and reads the identity in it.
     *
     * @throws TokenRejectedException the IdP refused the code or its ID token fails a check
     * @throws IdentityProviderUnavailableException the IdP cannot be reached
     */
    public Result finish(Pending pending, String code) {
        URI endpoint = discovery.provider().endpoint("token_endpoint").orElseThrow(() ->
                new IdentityProviderUnavailableException("the identity provider's discovery document names no"
                        + " token_endpoint", null));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", pending.redirectUri());
        body.put("code_verifier", pending.verifier());
        // RFC 6749 2.3.1: client id and secret form-encoded before they are joined for Basic
        String basic = Base64.getEncoder().encodeToString((encode(clientId()) + ":"
                + encode(idp.clientSecret().orElseThrow())).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(endpoint).timeout(idp.timeout().multipliedBy(2))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json").header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(form(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IdentityProviderUnavailableException("the identity provider's token endpoint did not answer ("
                    + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityProviderUnavailableException("interrupted while asking the identity provider", e);
        }
        JsonObject answer;
        try {
            answer = Json.createReader(new StringReader(response.body())).readObject();
        } catch (RuntimeException e) {
            throw new TokenRejectedException("the identity provider's token endpoint answered " + response.statusCode()
                    + " without JSON");
        }
        if (response.statusCode() != 200 || !answer.containsKey("id_token")) {
            throw new TokenRejectedException("the identity provider did not accept the sign-in's code ("
                    + answer.getString("error", "HTTP " + response.statusCode()) + ")");
        }
        String idToken = answer.getString("id_token");
        JWTClaimsSet claims = tokens.idToken(idToken, pending.nonce());
        IdentityClaims identity;
        try {
            identity = IdentityClaims.from(claims.getClaims(), idp.usernameClaim(), idp.groupsClaim(), idp.mfaRule());
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException("the identity provider's ID token cannot be used here: " + e.getMessage());
        }
        Object sid = claims.getClaim("sid");
        return new Result(identity, idToken, sid instanceof String text && !text.isBlank() ? text : null);
    }

    /**
     * Where to send the browser to end the IdP's session too (RP-Initiated Logout 1.0), or empty when the IdP
     * names no {@code end_session_endpoint} (or cannot be reached now: the local sign-out must not wait for it).
     */
    public Optional<URI> endSessionUrl(String idToken, String postLogoutRedirectUri) {
        Optional<URI> endpoint;
        try {
            endpoint = discovery.provider().endpoint("end_session_endpoint");
        } catch (IdentityProviderUnavailableException e) {
            return Optional.empty();
        }
        return endpoint.map(uri -> {
            Map<String, String> query = new LinkedHashMap<>();
            if (idToken != null) {
                query.put("id_token_hint", idToken);
            }
            query.put("client_id", clientId());
            query.put("post_logout_redirect_uri", postLogoutRedirectUri);
            return URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + form(query));
        });
    }

    /** RFC 7636 4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** 256 random bits, base64url: 43 characters of the unreserved set RFC 7636 allows. */
    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String clientId() {
        return idp.clientId().orElseThrow(() -> new IllegalStateException("custodian.oidc.client-id is not set"));
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
