package org.custodian.interfaces.rest.privacy;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.custodian.application.privacy.TicketPrivacyRequests;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A customer's mail asking for access, erasure and the like becomes a subject request in one step (#24). */
@Path("tickets/{id}/privacy-request")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class TicketPrivacyRequestResource {

    private static final Set<String> FIELDS = Set.of("type");

    @EJB
    TicketPrivacyRequests fromTickets;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a subject request for the ticket's customer from the ticket (PRIVACY_REQUEST_FROM_TICKET):"
            + " {type ACCESS|PORTABILITY|RECTIFICATION|ERASURE|RESTRICTION}; the ticket and its latest mail are its"
            + " source; the privacy officer verifies the identity")
    public Response make(@PathParam("id") long id, byte[] body, @Context UriInfo uri) {
        String type = JsonBody.read(body, FIELDS, json -> json.text("type"));
        TicketPrivacyRequests.Made made = fromTickets.fromTicket(caller.get(), id, type);
        return Response.created(uri.getBaseUriBuilder().path("privacy/requests/{id}").build(made.id()))
                .entity(made).build();
    }
}
