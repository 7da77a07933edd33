package org.custodian.interfaces.rest.team;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.custodian.application.team.NewTeam;
import org.custodian.application.team.TeamChanges;
import org.custodian.application.team.TeamService;
import org.custodian.application.team.TeamView;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Teams of users per region (#22): user administrators change them; the people who work tickets read theirs. */
@Path("teams")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class TeamResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Set<String> NEW_TEAM_FIELDS = Set.of("key", "name", "region");
    private static final Set<String> CHANGE_FIELDS = Set.of("name", "region");

    @EJB
    TeamService teams;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Teams by key: all of them with USER_READ, else those of your regions")
    public List<TeamView> list() {
        return teams.list(caller.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a team (USER_MANAGE): {key (2-40 of a-z, 0-9, -), name, region}")
    public Response create(byte[] body, @Context UriInfo uri) {
        NewTeam input = JsonBody.read(body, NEW_TEAM_FIELDS,
                json -> new NewTeam(json.text("key"), json.text("name"), json.text("region")));
        TeamView created = teams.create(caller.get(), input);
        return Created.at(uri, created.key(), created).build();
    }

    @GET
    @Path("{key}")
    @Operation(summary = "One team with its members")
    public TeamView get(@PathParam("key") String key) {
        return teams.get(caller.get(), key);
    }

    @PATCH
    @Path("{key}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Rename a team or move it to another region (USER_MANAGE): {name?, region?}")
    public TeamView change(@PathParam("key") String key, byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, CHANGE_FIELDS, check);
        for (String field : CHANGE_FIELDS) {
            check.require(!json.has(field) || json.fields().get(field).getValueType()
                    != JsonValue.ValueType.NULL, field, "cannot be removed, only changed");
        }
        TeamChanges changes = new TeamChanges(json.text("name"), json.text("region"));
        check.throwIfAny();
        return teams.change(caller.get(), key, changes);
    }

    @PUT
    @Path("{key}/members/{username}")
    @Operation(summary = "Add a member (USER_MANAGE): an enabled user who works tickets in the team's region")
    public TeamView addMember(@PathParam("key") String key, @PathParam("username") String username) {
        return teams.addMember(caller.get(), key, username);
    }

    @DELETE
    @Path("{key}/members/{username}")
    @Operation(summary = "Remove a member (USER_MANAGE)")
    public TeamView removeMember(@PathParam("key") String key, @PathParam("username") String username) {
        return teams.removeMember(caller.get(), key, username);
    }
}
