package org.custodian.application.scim;

import jakarta.ejb.ApplicationException;

/**
 * A request SCIM refuses in its own terms (RFC 7644 3.12): the HTTP status and, for 400 and 409, the
 * {@code scimType} ({@code invalidFilter}, {@code invalidSyntax}, {@code invalidValue}, {@code mutability},
 * {@code noTarget}, {@code tooMany}, {@code uniqueness}); null when the status says it all.
 */
@ApplicationException(rollback = true)
public class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return new ScimException(400, "invalidSyntax", detail);
    }

    public static ScimException invalidFilter(String detail) {
        return new ScimException(400, "invalidFilter", detail);
    }

    public static ScimException notFound(String what, String id) {
        return new ScimException(404, null, what + " " + id + " not found");
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }
}
