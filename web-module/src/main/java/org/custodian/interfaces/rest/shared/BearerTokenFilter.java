package org.custodian.interfaces.rest.shared;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.custodian.application.identity.BearerAuthentication;
import org.custodian.application.identity.IdentityProviderUnavailableException;
import org.custodian.application.identity.SecondFactorMissingException;
import org.custodian.application.identity.TokenRejectedException;
import org.custodian.application.integration.ApiKeyService;
import org.custodian.application.integration.KeyAuthentication;
import org.custodian.application.shared.AccessDeniedException;

/**
 * Every endpoint except those marked {@link PublicEndpoint} needs a valid bearer token of a trusted issuer (ours or
 * the corporate identity provider's, see {@link BearerAuthentication}). A missing or rejected token is a 401
 * problem, an identity provider that cannot be reached a 503, an IdP user who may not sign in here a 403.
 *
 * <p>A JAX-RS filter rather than a Jakarta Security mechanism: nothing in Custodian uses the container's principal
 * or roles (the policy decides from {@code Caller}), and a filter behaves the same on Payara Micro, Payara Server
 * and WildFly without any server configuration.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    static final String BEARER = "Bearer ";

    @Inject
    CurrentCaller caller;

    @EJB
    BearerAuthentication authentication;

    @EJB
    ApiKeyService apiKeys;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> token = token(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        boolean open = resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class));
        if (open) {
            return; // a public endpoint neither needs nor looks at a token (and never waits for an IdP)
        }
        if (token.isEmpty()) {
            request.abortWith(unauthorized("this endpoint needs 'Authorization: Bearer <token>'; get a token from"
                    + " POST /api/v1/auth/token"));
            return;
        }
        if (KeyAuthentication.isApiKey(token.get())) {
            acceptApiKey(request, token.get());
            return;
        }
        try {
            caller.accept(authentication.authenticate(token.get(), caller.requestId(), caller.clientAddress()));
        } catch (TokenRejectedException rejected) {
            request.abortWith(unauthorized(rejected.getMessage()));
        } catch (IdentityProviderUnavailableException unavailable) {
            request.abortWith(Response.fromResponse(Problems.response(503, "identity-provider-unavailable",
                    "Identity provider unavailable", unavailable.getMessage(), caller.requestId()))
                    .header("Retry-After", 30).build());
        } catch (SecondFactorMissingException weak) {
            request.abortWith(Response.fromResponse(Problems.response(403, "second-factor-required",
                    "Second factor required", weak.getMessage(), caller.requestId()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"custodian\", error=\""
                            + "insufficient_user_authentication\"").build());
        } catch (AccessDeniedException denied) {
            request.abortWith(Problems.response(403, "forbidden", "Forbidden", denied.getMessage(),
                    caller.requestId()));
        }
    }

    /** The token of an {@code Authorization: Bearer} header (the scheme in any case, RFC 7235). */
    static Optional<String> token(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /**
     * API keys of service accounts (#22): a bearer value starting {@code cst_} is checked by {@link ApiKeyService}
     * (its hash, revocation and expiry, read afresh for every request), never as a JWT.
     */
    private void acceptApiKey(ContainerRequestContext request, String presented) {
        KeyAuthentication key = apiKeys.authenticate(presented, caller.clientAddress(), caller.requestId());
        if (key.accepted()) {
            caller.acceptKey(key);
        } else {
            request.abortWith(unauthorized(key.reason()));
        }
    }

    private Response unauthorized(String detail) {
        Response problem = Problems.response(401, "unauthorized", "Unauthorized", detail, caller.requestId());
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"custodian\"")
                .build();
    }
}
