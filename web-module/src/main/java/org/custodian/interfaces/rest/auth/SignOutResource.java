package org.custodian.interfaces.rest.auth;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.custodian.application.auth.TokenRevocationService;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("auth/sign-out-everywhere")
@RequestScoped
public class SignOutResource {

    @EJB
    TokenRevocationService revocation;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Revoke every token of the calling user, this one included (a lost laptop, a leaked token):"
            + " each fails with 401 at its next request")
    @APIResponse(responseCode = "204", description = "revoked")
    public Response signOutEverywhere() {
        revocation.signOutEverywhere(caller.get());
        return Response.noContent().build();
    }
}
