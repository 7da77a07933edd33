package org.custodian.interfaces.rest.scim;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.custodian.interfaces.rest.shared.Problems;

/**
 * The REST application (/api/v1) scans every resource of the WAR, the SCIM ones too (an Application without
 * classes of its own gets them all): reached there ({@code /api/v1/Users}), they do not exist — 404.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 50)
public class ScimPathGuard implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> type = resource.getResourceClass();
        if (type != null && type.getPackageName().equals(ScimPathGuard.class.getPackageName())
                && !request.getUriInfo().getBaseUri().getPath().endsWith(ScimApplication.PATH)) {
            request.abortWith(Problems.response(404, "not-found", "Not found", "no such resource", null));
        }
    }
}
