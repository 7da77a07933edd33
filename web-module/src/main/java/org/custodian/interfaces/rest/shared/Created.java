package org.custodian.interfaces.rest.shared;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.ResponseBuilder;
import jakarta.ws.rs.core.UriInfo;

/** The answer to a POST that made a resource: 201, its address below the request's path, and its view. */
public final class Created {

    private Created() {
    }

    public static ResponseBuilder at(UriInfo uri, Object id, Object view) {
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build()).entity(view);
    }
}
