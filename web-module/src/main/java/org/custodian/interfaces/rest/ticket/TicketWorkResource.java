package org.custodian.interfaces.rest.ticket;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.custodian.application.ticket.HistoryEntry;
import org.custodian.application.ticket.LinkView;
import org.custodian.application.ticket.ReopenOption;
import org.custodian.application.ticket.TicketView;
import org.custodian.application.ticket.TicketWorkService;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.IfMatch;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.custodian.interfaces.rest.shared.Versioned;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Ticket work (#23): reopen or follow-up, links, merge, the activity history. Paths below /tickets/{id}. */
@Path("tickets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class TicketWorkResource {

    @EJB
    TicketWorkService work;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("{id}/reopen")
    @Operation(summary = "Whether the ticket can be reopened now (REOPEN, until when), needs a follow-up"
            + " (FOLLOW_UP: the window has passed) or is still being worked (NONE)")
    public ReopenOption reopenOption(@PathParam("id") long id) {
        return work.reopenOption(caller.get(), id);
    }

    @POST
    @Path("{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reopen a RESOLVED or CLOSED ticket within the reopen window, with a reason")
    public Response reopen(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        String reason = JsonBody.read(body, Set.of("reason"), json -> json.text("reason"));
        TicketView ticket = work.reopen(caller.get(), id, reason, IfMatch.expectedVersion(ifMatch, "ticket"));
        return Versioned.ok(ticket.body(), ticket.version());
    }

    @POST
    @Path("{id}/follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a follow-up ticket for the same customer, linked to this one")
    public Response followUp(@PathParam("id") long id, byte[] body, @Context UriInfo uri) {
        String[] fields = JsonBody.read(body, Set.of("subject", "description"),
                json -> new String[] {json.text("subject"), json.text("description")});
        TicketView created = work.followUp(caller.get(), id, fields[0], fields[1]);
        return Response.created(uri.getBaseUriBuilder().path("tickets").path(String.valueOf(created.id())).build())
                .entity(created.body()).build();
    }

    @GET
    @Path("{id}/links")
    @Operation(summary = "The tickets linked to this one (related, follow-ups, merged duplicates) that you may read")
    public List<LinkView> links(@PathParam("id") long id) {
        return work.links(caller.get(), id);
    }

    @POST
    @Path("{id}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link a related ticket: {\"ticketId\": 42}")
    public Response link(@PathParam("id") long id, byte[] body) {
        Long other = JsonBody.read(body, Set.of("ticketId"), json -> json.wholeNumber("ticketId"));
        return Response.status(Response.Status.CREATED).entity(work.link(caller.get(), id, other)).build();
    }

    @DELETE
    @Path("{id}/links/{other}")
    @Operation(summary = "Remove the related link between two tickets")
    public Response unlink(@PathParam("id") long id, @PathParam("other") long other) {
        work.unlink(caller.get(), id, other);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge a duplicate into this ticket: {\"duplicateId\", \"reason\"}; the duplicate is closed"
            + " and its comments are shown here")
    public Response merge(@PathParam("id") long id, byte[] body) {
        Object[] fields = JsonBody.read(body, Set.of("duplicateId", "reason"),
                json -> new Object[] {json.wholeNumber("duplicateId"), json.text("reason")});
        TicketView ticket = work.merge(caller.get(), id, (Long) fields[0], (String) fields[1]);
        return Versioned.ok(ticket.body(), ticket.version());
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Who changed what and when, from the audit trail, as the policy shows it to you")
    public List<HistoryEntry> history(@PathParam("id") long id) {
        return work.history(caller.get(), id);
    }
}
