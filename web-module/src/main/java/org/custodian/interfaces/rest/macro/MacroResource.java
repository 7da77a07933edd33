package org.custodian.interfaces.rest.macro;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.custodian.application.macro.FilledMacro;
import org.custodian.application.macro.MacroService;
import org.custodian.application.macro.MacroView;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.IfMatch;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("macros")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class MacroResource {

    @EJB
    MacroService macros;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The canned replies of your teams (team leads: of the teams of their regions)")
    public List<MacroView> list() {
        return macros.list(caller.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a canned reply to a team: {\"team\", \"name\", \"body\"} (team leads)")
    public Response create(byte[] body, @Context UriInfo uri) {
        String[] fields = JsonBody.read(body, Set.of("team", "name", "body"),
                json -> new String[] {json.text("team"), json.text("name"), json.text("body")});
        MacroView created = macros.create(caller.get(), fields[0], fields[1], fields[2]);
        return Created.at(uri, created.id(), created).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Change a canned reply's name or body (team leads)")
    public MacroView change(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        String[] fields = JsonBody.read(body, Set.of("name", "body"),
                json -> new String[] {json.text("name"), json.text("body")});
        return macros.change(caller.get(), id, fields[0], fields[1], IfMatch.expectedVersion(ifMatch, "macro"));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a canned reply (team leads)")
    public Response delete(@PathParam("id") long id) {
        macros.delete(caller.get(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/filled/{ticketId}")
    @Operation(summary = "The reply filled for one ticket with what you may see (masked stays masked, hidden is left"
            + " out with a note); nothing is sent")
    public FilledMacro fill(@PathParam("id") long id, @PathParam("ticketId") long ticketId) {
        return macros.fill(caller.get(), id, ticketId);
    }
}
