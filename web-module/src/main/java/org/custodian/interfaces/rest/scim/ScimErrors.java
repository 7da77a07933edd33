package org.custodian.interfaces.rest.scim;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** SCIM's error body (RFC 7644 3.12): {@code schemas}, {@code status} as a string, {@code scimType}, {@code detail}. */
final class ScimErrors {

    static final String MEDIA_TYPE = "application/scim+json";
    static final MediaType SCIM_JSON = MediaType.valueOf(MEDIA_TYPE);
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimErrors() {
    }

    static String body(int status, String scimType, String detail) {
        JsonObjectBuilder error = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(ERROR_SCHEMA)).add("status", String.valueOf(status));
        if (scimType != null) {
            error.add("scimType", scimType);
        }
        if (detail != null) {
            error.add("detail", detail);
        }
        return error.build().toString();
    }

    static Response response(int status, String scimType, String detail) {
        return Response.status(status).type(SCIM_JSON).entity(body(status, scimType, detail)).build();
    }
}
