package org.custodian.interfaces.rest.shared;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.custodian.domain.shared.PlainText;
import org.custodian.domain.shared.RuleCheck;

/**
 * Query and path parameters are plain text too ({@link PlainText}): {@code ?q=%00} is a 422 naming {@code q}, not a
 * database error. Runs after authentication, so a request without a token is a 401 whatever it carries.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class PlainParametersFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        RuleCheck check = new RuleCheck();
        refuseUnplain(request.getUriInfo().getPathParameters(), check);
        refuseUnplain(request.getUriInfo().getQueryParameters(), check);
        check.throwIfAny();
    }

    private static void refuseUnplain(MultivaluedMap<String, String> parameters, RuleCheck check) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (PlainText.refusal(name).isPresent()) {
                check.require(false, name.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?"), "is not a parameter this API knows");
                continue;
            }
            for (String value : parameter.getValue()) {
                PlainText.check(value, name, check);
            }
        }
    }
}
