package org.custodian.interfaces.rest.shared;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.custodian.domain.shared.FieldViolation;

/** Builds {@code application/problem+json} responses. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://custodian.example/problems/";

    private Problems() {
    }

    public static Response response(int status, String slug, String title, String detail, String requestId,
            List<FieldViolation> violations) {
        Problem problem = new Problem(TYPE_BASE + slug, title, status, detail, null, requestId,
                violations == null || violations.isEmpty() ? null : violations);
        return Response.status(status).type(PROBLEM_JSON).entity(problem).build();
    }

    public static Response response(int status, String slug, String title, String detail, String requestId) {
        return response(status, slug, title, detail, requestId, null);
    }
}
