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
import org.custodian.application.auth.TokenRevocationService;
import org.custodian.application.integration.ApiKeyService;
import org.custodian.application.integration.KeyAuthentication;

/**
 * Every endpoint except those marked {@link PublicEndpoint} needs a valid bearer token. MicroProfile
 * JWT has verified signature, issuer, audience and expiry before this runs; here a missing or
 * rejected token becomes a 401 problem instead of an anonymous request.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    @Inject
    CurrentCaller caller;

    @EJB
    TokenRevocationService revocation;

    @EJB
    ApiKeyService apiKeys;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (settledByApiKey(request)) {
            return;
        }
        caller.accept(request.getSecurityContext().getUserPrincipal());
        if (isPublic()) {
            return;
        }
        if (!caller.isAuthenticated()) {
            String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            String detail = header == null
                    ? "this endpoint needs 'Authorization: Bearer <token>'; get a token from POST /api/v1/auth/token"
                    : "the bearer token was rejected (bad signature, wrong issuer or audience, or expired); get a new one";
            request.abortWith(unauthorized(detail));
        } else if (!revocation.isCurrent(caller.get().username(), caller.tokenVersion())) {
            request.abortWith(unauthorized("this token was revoked (its user signed out everywhere, was disabled,"
                    + " or had their second factor reset); get a new one"));
        }
    }

    private boolean isPublic() {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class));
    }

    /**
     * API keys of service accounts (#22): a bearer value starting {@code cst_} is checked by {@link ApiKeyService}
     * (its hash, revocation and expiry, read afresh for every request), never as a JWT. True when the request is
     * settled here: the key was accepted, or refused with a 401.
     */
    private boolean settledByApiKey(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : null;
        if (!KeyAuthentication.isApiKey(bearer)) {
            return false;
        }
        KeyAuthentication key = apiKeys.authenticate(bearer, caller.clientAddress(), caller.requestId());
        caller.acceptKey(key);
        if (!key.accepted() && !isPublic()) {
            request.abortWith(unauthorized(key.reason()));
        }
        return true;
    }

    private Response unauthorized(String detail) {
        Response problem = Problems.response(401, "unauthorized", "Unauthorized", detail, caller.requestId());
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"custodian\"")
                .build();
    }
}
