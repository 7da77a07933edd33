package org.custodian.interfaces.rest.user;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.application.shared.PageResult;
import org.custodian.application.user.InvitationService;
import org.custodian.application.user.NewUser;
import org.custodian.application.user.UserAdministrationService;
import org.custodian.application.user.UserChanges;
import org.custodian.application.user.UserQuery;
import org.custodian.application.user.UserView;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.Paging;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.custodian.interfaces.rest.ticket.TicketResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Users for their administrators (USER_READ to read, USER_MANAGE to change). */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class UserResource {

    private static final Set<String> NEW_USER_FIELDS = Set.of("username", "displayName", "email", "roles", "regions",
            "timeZone", "locale", "active");

    @EJB
    UserAdministrationService users;

    @EJB
    InvitationService invitations;

    @Inject
    CurrentCaller caller;

    @Inject
    @ConfigProperty(name = "custodian.public-url")
    Optional<String> publicUrl;

    @GET
    @Operation(summary = "List users, by username; filters role, region, active (true/false) and q (part of the"
            + " username, display name or e-mail address); page from 0, size 1-100")
    public PageResult<UserView> list(@QueryParam("role") String role, @QueryParam("region") String region,
            @QueryParam("active") String active, @QueryParam("q") String q, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        RuleCheck check = new RuleCheck();
        Paging paging = Paging.of(page, size, 20, check);
        Boolean activeOnly = null;
        if (active != null && !active.isBlank()) {
            String text = active.trim().toLowerCase(Locale.ROOT);
            check.require(text.equals("true") || text.equals("false"), "active", "must be true or false");
            activeOnly = text.equals("true");
        }
        check.throwIfAny();
        return users.list(caller.get(), new UserQuery(role, region, activeOnly, q, paging.page(), paging.size()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user (username, displayName, email, roles, regions; timeZone, locale, active"
            + " optional); PRIVACY_OFFICER, SUPERVISOR and USER_ADMIN become pendingRoles for a second person to"
            + " approve. The user has no password until they accept an invitation")
    public Response create(byte[] body, @Context UriInfo uri) {
        NewUser input = JsonBody.read(body, NEW_USER_FIELDS, json -> new NewUser(json.text("username"),
                json.text("displayName"), json.text("email"), json.textList("roles"), json.textList("regions"),
                json.text("timeZone"), json.text("locale"), json.bool("active")));
        UserView created = users.create(caller.get(), input);
        return Created.at(uri, created.username(), created).build();
    }

    @GET
    @Path("{username}")
    @Operation(summary = "Read a user with their teams and pending role grants")
    public UserView get(@PathParam("username") String username) {
        return users.get(caller.get(), username);
    }

    @PATCH
    @Path("{username}")
    @Consumes({TicketResource.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields (JSON merge patch): displayName, email (null removes it), roles,"
            + " regions, teams (team keys: the user's teams become exactly these), timeZone, locale, active. Removed"
            + " roles and regions take effect at once and revoke the user's tokens; guarded roles added become"
            + " pendingRoles")
    public UserView change(@PathParam("username") String username, byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, UserChanges.FIELDS, check);
        UserChanges changes = new UserChanges(Set.copyOf(json.fields().keySet()), json.text("displayName"),
                json.text("email"), json.textList("roles"), json.textList("regions"), json.text("timeZone"),
                json.text("locale"), json.bool("active"), json.textList("teams"));
        check.throwIfAny();
        return users.change(caller.get(), username, changes);
    }

    @POST
    @Path("{username}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Disable an account with a reason ({\"reason\": \"left the company\"}): sign-in is refused"
            + " and the user's tokens and portal sessions end at their next request")
    public UserView disable(@PathParam("username") String username, byte[] body) {
        return users.disable(caller.get(), username, JsonBody.textField(body, "reason"));
    }

    @POST
    @Path("{username}/invitation")
    @Operation(summary = "A one-time link for the user to set their password (and enroll a second factor where"
            + " their roles need one); shown this once, it voids any earlier link")
    public Response invite(@PathParam("username") String username, @Context UriInfo uri) {
        InvitationService.IssuedInvitation issued = invitations.invite(caller.get(), username);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", issued.username());
        body.put("token", issued.token());
        // the portal page at the application's root, beside /api/v1; CUSTODIAN_PUBLIC_URL first, as for subject
        // packages (a proxy may not check the Host header the request's address comes from)
        String api = uri.getBaseUri().toString();
        String root = publicUrl.map(base -> base.replaceAll("/+$", "")).orElseGet(() -> api.contains("/api/")
                ? api.substring(0, api.indexOf("/api/")) : api.replaceAll("/$", ""));
        body.put("url", root + "/invitation.xhtml?token=" + issued.token());
        body.put("expiresAt", issued.expiresAt().toString());
        return Response.status(Response.Status.CREATED).entity(body).build();
    }

}
