package org.custodian.interfaces.rest.shared;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

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
            Response problem = Problems.response(401, "unauthorized", "Unauthorized", detail, caller.requestId());
            request.abortWith(Response.fromResponse(problem)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"custodian\"").build());
        }
    }
}
