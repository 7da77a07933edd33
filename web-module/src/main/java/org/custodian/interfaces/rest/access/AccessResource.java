package org.custodian.interfaces.rest.access;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.custodian.application.access.AccessService;
import org.custodian.application.access.Views.GrantView;
import org.custodian.application.access.Views.NewGrant;
import org.custodian.application.access.Views.NewOverride;
import org.custodian.application.access.Views.OverrideView;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("access")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AccessResource {

    private static final Set<String> GRANT_FIELDS =
            Set.of("grantee", "categories", "regions", "startsAt", "expiresAt", "reason");
    private static final Set<String> OVERRIDE_FIELDS = Set.of("ticketId", "justification", "minutes");

    @EJB
    AccessService access;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("grants")
    @Operation(summary = "Contractor grants, newest first (a contractor sees their own); ?grantee= filters")
    public List<GrantView> grants(@QueryParam("grantee") String grantee) {
        return access.grants(caller.get(), grantee);
    }

    @POST
    @Path("grants")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant a contractor access (supervisor): {grantee, categories, regions, startsAt?, "
            + "expiresAt (at most 90 days on), reason}")
    public Response grant(byte[] body, @Context UriInfo uri) {
        NewGrant grant = JsonBody.read(body, GRANT_FIELDS,
                json -> new NewGrant(json.text("grantee"), json.textList("categories"), json.textList("regions"),
                        json.text("startsAt"), json.text("expiresAt"), json.text("reason")));
        GrantView created = access.grant(caller.get(), grant);
        return Created.at(uri, created.id(), created).build();
    }

    @DELETE
    @Path("grants/{id}")
    @Operation(summary = "Revoke a grant (supervisor); access stops at the contractor's next request")
    public GrantView revoke(@PathParam("id") long id, @QueryParam("reason") String reason) {
        return access.revokeGrant(caller.get(), id, reason);
    }

    @POST
    @Path("overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Break-glass (supervisor): {ticketId, justification (20+ chars), minutes (1-240)}")
    public Response override(byte[] body, @Context UriInfo uri) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, OVERRIDE_FIELDS, check);
        Integer minutes = json.intNumber("minutes", "must be between 1 and 240");
        NewOverride override = new NewOverride(json.wholeNumber("ticketId"), json.text("justification"), minutes);
        check.throwIfAny();
        OverrideView created = access.openOverride(caller.get(), override);
        return Created.at(uri, created.id(), created).build();
    }

    @GET
    @Path("overrides")
    @Operation(summary = "Break-glass overrides, ?state=active (default) or expired")
    public List<OverrideView> overrides(@QueryParam("state") String state) {
        return access.overrides(caller.get(), state);
    }
}
