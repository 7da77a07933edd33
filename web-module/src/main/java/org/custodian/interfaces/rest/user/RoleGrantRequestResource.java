package org.custodian.interfaces.rest.user;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.custodian.application.shared.PageResult;
import org.custodian.application.user.RoleGrantRequestView;
import org.custodian.application.user.RoleGrantService;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.Paging;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Four-eyes requests for grants of PRIVACY_OFFICER, SUPERVISOR and USER_ADMIN. */
@Path("role-grant-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class RoleGrantRequestResource {

    @EJB
    RoleGrantService grants;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "List requests, newest first: status PENDING (default), APPROVED, REJECTED, WITHDRAWN or ALL;"
            + " username for one user's; page from 0, size 1-100")
    public PageResult<RoleGrantRequestView> list(@QueryParam("status") String status,
            @QueryParam("username") String username, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        RuleCheck check = new RuleCheck();
        Paging paging = Paging.of(page, size, 20, check);
        check.throwIfAny();
        return grants.list(caller.get(), status, username, paging.page(), paging.size());
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve (ROLE_GRANT_APPROVE; never the requester nor the user the role is for): the role"
            + " is given at once and the user's next token carries it")
    public RoleGrantRequestView approve(@PathParam("id") long id) {
        return grants.approve(caller.get(), id);
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject with a reason: {\"reason\": \"not needed for the EU desk\"}")
    public RoleGrantRequestView reject(@PathParam("id") long id, byte[] body) {
        return grants.reject(caller.get(), id, JsonBody.textField(body, "reason"));
    }

}
