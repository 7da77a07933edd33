package org.custodian.interfaces.rest.shared;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Answers that carry a versioned view (a policy, a calendar, a DPIA, a ticket): its version is the ETag, the plain
 * number that {@link IfMatch} reads back from a later If-Match.
 */
public final class Versioned {

    private Versioned() {
    }

    /** The view's version as this API's ETag. */
    public static EntityTag etag(Object version) {
        return new EntityTag(String.valueOf(version));
    }

    /** 200 with the view and its version. */
    public static Response ok(Object view, Object version) {
        return Response.ok(view).tag(etag(version)).build();
    }

    /** 201 at the new resource's address (see {@link Created}), with its view and version. */
    public static Response created(UriInfo uri, Object id, Object view, Object version) {
        return Created.at(uri, id, view).tag(etag(version)).build();
    }
}
