package org.custodian.application.identity;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The identity provider's discovery document and its JWK set, fetched once for everything that needs them: the
 * API's bearer tokens ({@link TrustedIssuers}), the portal's code flow (its endpoints, {@link AuthorizationCodeFlow})
 * and back-channel logout tokens ({@link ProviderTokens}). Nothing is fetched before the first use, so an IdP that is
 * down never keeps this server from starting; a failed fetch is remembered for {@link #RETRY_AFTER_FAILURE}.
 */
@ApplicationScoped
public class ProviderDiscovery {

    /** After a failed discovery, uses fail fast for this long instead of each waiting for the timeout. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    /** The endpoints and keys of the IdP, as its discovery document names them. */
    public record Provider(String issuer, JsonObject document, JWKSource<SecurityContext> keys) {

        /** An endpoint of the document ({@code authorization_endpoint}, {@code end_session_endpoint}, ...). */
        public Optional<URI> endpoint(String name) {
            String value = document.getString(name, null);
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            URI uri = URI.create(value);
            return "https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) ? Optional.of(uri)
                    : Optional.empty();
        }
    }

    @Inject
    IdentityProviderSettings idp;

    private volatile Provider provider;
    private volatile Instant failedAt;
    private volatile String failure;

    /** @throws IdentityProviderUnavailableException when the discovery document cannot be had now */
    public Provider provider() {
        Provider found = provider;
        return found != null ? found : discover();
    }

    private synchronized Provider discover() {
        if (provider != null) {
            return provider;
        }
        Instant failed = failedAt;
        if (failed != null && Instant.now().isBefore(failed.plus(RETRY_AFTER_FAILURE))) {
            throw new IdentityProviderUnavailableException(failure, null);
        }
        String issuer = idp.issuer().orElseThrow(() -> new IllegalStateException("no identity provider configured"));
        int timeout = (int) idp.timeout().toMillis();
        ResourceRetriever retriever = new DefaultResourceRetriever(timeout, timeout, 512 * 1024);
        String discovery = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration";
        try {
            JsonObject document = Json.createReader(new StringReader(retriever.retrieveResource(new URL(discovery))
                    .getContent())).readObject();
            if (!issuer.equals(document.getString("issuer", null))) {
                throw new IOException("its discovery document names the issuer " + document.getString("issuer", null)
                        + ", not " + issuer + " (custodian.oidc.issuer must be exactly the IdP's issuer)");
            }
            URL jwksUri = URI.create(document.getString("jwks_uri")).toURL();
            JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(jwksUri, retriever)
                    .cache(Duration.ofMinutes(5).toMillis(), idp.timeout().toMillis() * 3)
                    .rateLimited(RETRY_AFTER_FAILURE.toMillis())
                    .build();
            Provider found = new Provider(issuer, document, source);
            provider = found;
            failedAt = null;
            return found;
        } catch (IOException | RuntimeException e) {
            failedAt = Instant.now();
            failure = "the identity provider " + issuer + " did not answer with its discovery document ("
                    + e.getMessage() + "); its tokens cannot be checked now, this server's own tokens still work";
            throw new IdentityProviderUnavailableException(failure, e);
        }
    }
}
