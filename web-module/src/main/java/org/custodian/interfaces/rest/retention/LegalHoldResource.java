package org.custodian.interfaces.rest.retention;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.custodian.application.retention.RetentionService;
import org.custodian.application.retention.RetentionService.HoldInput;
import org.custodian.application.retention.RetentionService.HoldView;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("legal-holds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class LegalHoldResource {

    private static final Set<String> HOLD_FIELDS = Set.of("scope", "customerId", "ticketId", "categories", "regions",
            "createdFrom", "createdTo", "reason", "authority");

    @EJB
    RetentionService retention;

    @Inject
    CurrentCaller caller;

    @GET
        @Operation(summary = "Legal holds, newest first (active and released)")
    public List<HoldView> holds() {
        return retention.holds(caller.get());
    }

    @POST
        @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a hold (privacy officer): {scope CUSTOMER|TICKET|QUERY, customerId | ticketId |"
            + " categories/regions/createdFrom/createdTo, reason, authority}")
    public Response placeHold(byte[] body, @Context UriInfo uri) {
        HoldInput input = JsonBody.read(body, HOLD_FIELDS,
                json -> new HoldInput(json.text("scope"), json.wholeNumber("customerId"),
                        json.wholeNumber("ticketId"), json.textList("categories"), json.textList("regions"),
                        json.text("createdFrom"), json.text("createdTo"), json.text("reason"), json.text("authority")));
        HoldView placed = retention.placeHold(caller.get(), input);
        return Created.at(uri, placed.id(), placed).build();
    }

    @POST
    @Path("{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release a hold (privacy officer): {reason}")
    public HoldView release(@PathParam("id") long id, byte[] body) {
        String reason = JsonBody.textField(body, "reason");
        return retention.releaseHold(caller.get(), id, reason);
    }
}
