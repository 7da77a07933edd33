package org.custodian.interfaces.rest.ticket;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.shared.PageResult;
import org.custodian.application.ticket.Assignable;
import org.custodian.application.ticket.AssignableUser;
import org.custodian.application.ticket.CommentView;
import org.custodian.application.ticket.NewComment;
import org.custodian.application.ticket.NewTicket;
import org.custodian.application.ticket.TicketChanges;
import org.custodian.application.ticket.TicketQuery;
import org.custodian.application.ticket.TicketService;
import org.custodian.application.ticket.TicketView;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.MergePatch;
import org.custodian.interfaces.rest.shared.Paging;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.IfMatch;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.custodian.interfaces.rest.shared.Versioned;
import org.custodian.interfaces.rest.reveal.RevealBody;
import org.custodian.application.reveal.RevealService;
import org.custodian.application.reveal.RevealView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("tickets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class TicketResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private static final Set<String> NEW_TICKET_FIELDS = Set.of("customerId", "subject", "description", "priority",
            "category", "productSku", "siteCode", "region", "assignee", "team");
    private static final Set<String> COMMENT_FIELDS = Set.of("body", "visibility", "channel");

    @EJB
    TicketService tickets;

    @EJB
    RevealService reveals;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a ticket for a customer; region defaults to the customer's")
    public Response open(byte[] body, @Context UriInfo uri) {
        NewTicket ticket = JsonBody.read(body, NEW_TICKET_FIELDS,
                json -> new NewTicket(json.wholeNumber("customerId"), json.text("subject"),
                        json.text("description"), json.text("priority"), json.text("category"), json.text("productSku"),
                        json.text("siteCode"), json.text("region"), json.text("assignee"), json.text("team")));
        TicketView created = tickets.open(caller.get(), ticket);
        return Created.at(uri, created.id(), created.body()).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a ticket; the ETag carries its version for If-Match on PATCH")
    public Response get(@PathParam("id") long id) {
        TicketView ticket = tickets.get(caller.get(), id);
        return Response.ok(ticket.body()).tag(etag(ticket)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields (JSON merge patch); status changes follow the ticket lifecycle")
    public Response revise(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        TicketChanges changes = toChanges(JsonBody.parseObject(body));
        TicketView ticket = tickets.revise(caller.get(), id, changes, IfMatch.expectedVersion(ifMatch, "ticket"));
        return Response.ok(ticket.body()).tag(etag(ticket)).build();
    }

    @GET
    @Operation(summary = "List tickets of your regions; page counts from 0, size 1-100; assignee=me (or a username)"
            + " for one person's queue, unassigned for no person, team for your teams' queue (their members' tickets and"
            + " the tickets routed to the teams), team:<key> for one team's;"
            + " sort=newest (default), oldest, updated or due (#25: earliest SLA due time first)")
    public PageResult<Map<String, Object>> search(@QueryParam("status") String status, @QueryParam("region") String region,
            @QueryParam("q") String q, @QueryParam("assignee") String assignee, @QueryParam("sort") String sort,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        RuleCheck check = new RuleCheck();
        Paging paging = Paging.of(page, size, 20, check);
        check.throwIfAny();
        PageResult<TicketView> found = tickets.search(caller.get(),
                new TicketQuery(status, region, q, assignee, sort, paging.page(), paging.size()));
        return Paging.shown(found, TicketView::body);
    }

    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response comment(@PathParam("id") long id, byte[] body, @Context UriInfo uri) {
        NewComment comment = JsonBody.read(body, COMMENT_FIELDS,
                json -> new NewComment(json.text("body"), json.text("visibility"), json.text("channel")));
        CommentView created = tickets.comment(caller.get(), id, comment);
        return Created.at(uri, created.id(), created.body()).build();
    }

    @GET
    @Path("{id}/comments")
    public List<Map<String, Object>> comments(@PathParam("id") long id) {
        return tickets.comments(caller.get(), id).stream().map(CommentView::body).toList();
    }

    @GET
    @Path("{id}/assignable-users")
    @Operation(summary = "The enabled users who may work this ticket (an assignment accepts only them)")
    public List<AssignableUser> assignableUsers(@PathParam("id") long id) {
        return tickets.assignableUsers(caller.get(), id);
    }

    @GET
    @Path("{id}/assignable")
    @Operation(summary = "Who may work this ticket (#23): the teams it may be routed to (each with its members who"
            + " may work it) and the people it may be assigned to")
    public Assignable assignable(@PathParam("id") long id) {
        return tickets.assignable(caller.get(), id);
    }

    private static EntityTag etag(TicketView ticket) {
        return Versioned.etag(ticket.version());
    }


    /** Merge-patch values are strings or null; anything else is named as a bad field. */
    static TicketChanges toChanges(JsonObject patch) {
        return new TicketChanges(MergePatch.stringValues(patch, "name at least one field to change"));
    }

    @POST
    @Path("{id}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = RevealBody.SUMMARY)
    public RevealView reveal(@PathParam("id") long id, byte[] body) {
        return reveals.revealOnTicket(caller.get(), id, RevealBody.read(body));
    }
}
