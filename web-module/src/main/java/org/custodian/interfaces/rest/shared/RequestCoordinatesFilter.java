package org.custodian.interfaces.rest.shared;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.custodian.interfaces.http.ClientAddresses;

/** Gives every request an id (echoed as X-Request-Id) and records where it came from. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestCoordinatesFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";

    @Inject
    ClientAddresses addresses;

    @Inject
    RequestCoordinates coordinates;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        coordinates.accept(request.getHeaderString(HEADER),
                servletRequest == null ? null : addresses.of(servletRequest));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, coordinates.requestId());
        // answers hold personal data: never kept by a cache, never sniffed into something a browser would run;
        // the public key set is the one answer anyone may keep for a while
        if (!response.getHeaders().containsKey("Cache-Control")
                || !"auth/jwks".equals(request.getUriInfo().getPath().replaceAll("^/|/$", ""))) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    }
}
