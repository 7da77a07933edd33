package org.custodian.interfaces.rest.auth;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.custodian.application.auth.AuthenticationService;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Second factors of other users: an operator resets a lost one, so its owner enrolls again. */
@Path("users/{username}/second-factor")
@RequestScoped
@SecurityRequirement(name = "bearer")
public class SecondFactorResource {

    @EJB
    AuthenticationService authentication;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove a user's second factor and recovery codes (OPERATOR, never one's own), with a"
            + " reason: {\"reason\": \"phone lost, identity checked by call-back\"}; they enroll again at their next"
            + " portal sign-in")
    public Response reset(@PathParam("username") String username, byte[] body) {
        String reason = JsonBody.textField(body, "reason");
        authentication.resetSecondFactor(caller.get(), username, reason);
        return Response.noContent().build();
    }
}
