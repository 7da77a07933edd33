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

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.accept(request.getSecurityContext().getUserPrincipal());
        if (resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class))) {
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

    private Response unauthorized(String detail) {
        Response problem = Problems.response(401, "unauthorized", "Unauthorized", detail, caller.requestId());
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"custodian\"")
                .build();
    }
}
