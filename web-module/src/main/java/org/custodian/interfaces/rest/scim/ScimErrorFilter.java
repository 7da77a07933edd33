package org.custodian.interfaces.rest.scim;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.stream.Collectors;
import org.custodian.interfaces.rest.shared.Problem;

/**
 * Every RFC 9457 problem the shared filters and mappers answer with (401 without a valid key, 403 for a person's
 * token, 429, 413, malformed JSON, rule violations, conflicts) leaves {@code /scim/v2} as a SCIM error instead:
 * 422 becomes 400 {@code invalidValue} (SCIM has no 422), a malformed body 400 {@code invalidSyntax}, a conflict 409
 * {@code uniqueness}. Headers (WWW-Authenticate, Retry-After, RateLimit) stay. Response filters run in descending
 * priority: this one, the lowest, runs after the rate limiter has written its 429.
 */
@Priority(10)
public class ScimErrorFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)) {
            return;
        }
        int status = problem.status();
        String scimType = null;
        if (status == 422) {
            status = 400;
            scimType = "invalidValue";
        } else if (status == 400) {
            scimType = "invalidSyntax";
        } else if (status == 409) {
            scimType = "uniqueness";
        }
        String detail = problem.detail();
        if (problem.violations() != null && !problem.violations().isEmpty()) {
            detail = (detail == null ? "" : detail + ": ") + problem.violations().stream()
                    .map(violation -> violation.field() + " " + violation.message()).collect(Collectors.joining("; "));
        }
        response.setStatus(status);
        response.setEntity(ScimErrors.body(status, scimType, detail), null, ScimErrors.SCIM_JSON);
    }
}
