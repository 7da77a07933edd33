package org.custodian.application.scim;

import jakarta.json.JsonObject;

/** A SCIM resource as served: its representation (with meta, without meta.location) and its ETag. */
public record ScimResource(String id, JsonObject body, String etag) {
}
