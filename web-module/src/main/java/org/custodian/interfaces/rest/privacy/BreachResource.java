package org.custodian.interfaces.rest.privacy;

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
import java.util.Set;
import org.custodian.application.privacy.breach.BreachService;
import org.custodian.application.privacy.breach.BreachService.BreachChange;
import org.custodian.application.privacy.breach.BreachService.BreachInput;
import org.custodian.application.privacy.breach.BreachService.BreachView;
import org.custodian.application.shared.PageResult;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.custodian.interfaces.rest.shared.Paging;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The personal-data breach register (#25, Art. 33/34 GDPR): privacy officers keep it, auditors read it. */
@Path("privacy/breaches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class BreachResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Set<String> DESCRIPTION = Set.of("nature", "categories", "subjectsApprox",
            "recordsApprox", "consequences", "measures");
    private static final Set<String> RECORD_FIELDS = Set.of("nature", "categories", "subjectsApprox",
            "recordsApprox", "consequences", "measures", "awareAt", "actor", "from", "to", "alertId");

    @EJB
    BreachService breaches;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a personal-data breach (BREACH_MANAGE): {nature, categories[], subjectsApprox?,"
            + " recordsApprox?, consequences, measures, awareAt? (default now), and for an access actor, from, to"
            + " (or alertId, whose actor and window fill them in)}; the subjects the actor's reads named are computed"
            + " from the access reports; the authority is due 72 hours after awareAt")
    public Response record(byte[] body, @Context UriInfo uri) {
        BreachInput input = JsonBody.read(body, RECORD_FIELDS, json -> new BreachInput(json.text("nature"),
                json.textList("categories"), json.wholeNumber("subjectsApprox"), json.wholeNumber("recordsApprox"),
                json.text("consequences"), json.text("measures"), json.text("awareAt"), json.text("actor"),
                json.text("from"), json.text("to"), json.wholeNumber("alertId")));
        BreachView created = breaches.record(caller.get(), input);
        return Created.at(uri, created.id(), created).build();
    }

    @GET
    @Operation(summary = "The register, open breaches first (soonest due first), with their clocks; page/size")
    public PageResult<BreachView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        RuleCheck check = new RuleCheck();
        Paging paging = Paging.of(page, size, 50, check);
        check.throwIfAny();
        return breaches.list(caller.get(), paging.page(), paging.size());
    }

    @GET
    @Path("proposal")
    @Operation(summary = "What recording a breach from an anomaly alert starts from (?alertId=): actor, window and"
            + " a description of the alert filled in; POST it completed")
    public BreachInput proposal(@QueryParam("alertId") String alertId) {
        RuleCheck check = new RuleCheck();
        check.require(alertId != null && alertId.matches("[0-9]{1,18}"), "alertId", "must be an alert's id");
        check.throwIfAny();
        return breaches.proposal(caller.get(), Long.parseLong(alertId));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One breach, with the subjects (customer ids) its computed scope names")
    public BreachView get(@PathParam("id") long id) {
        return breaches.get(caller.get(), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change the description (JSON merge patch of nature, categories, subjectsApprox,"
            + " recordsApprox, consequences, measures)")
    public BreachView change(@PathParam("id") long id, byte[] body) {
        BreachChange change = JsonBody.read(body, DESCRIPTION, json -> new BreachChange(json.text("nature"),
                json.textList("categories"), json.wholeNumber("subjectsApprox"), json.wholeNumber("recordsApprox"),
                json.text("consequences"), json.text("measures")));
        return breaches.change(caller.get(), id, change);
    }

    @POST
    @Path("{id}/authority-notification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the notification of the supervisory authority: {reference, notifiedAt? (default"
            + " now), delayReason (required when later than 72 hours after awareness)}; 409 once decided")
    public BreachView notifyAuthority(@PathParam("id") long id, byte[] body) {
        String[] fields = JsonBody.read(body, Set.of("notifiedAt", "reference", "delayReason"),
                json -> new String[] {json.text("notifiedAt"), json.text("reference"), json.text("delayReason")});
        return breaches.notifyAuthority(caller.get(), id, fields[0], fields[1], fields[2]);
    }

    @POST
    @Path("{id}/no-notification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that the authority is not notified, the breach being unlikely to result in a risk"
            + " to the subjects: {reason}; 409 once decided")
    public BreachView noNotification(@PathParam("id") long id, byte[] body) {
        return breaches.decideNotToNotify(caller.get(), id, JsonBody.textField(body, "reason"));
    }

    @POST
    @Path("{id}/subjects-decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Art. 34: whether the data subjects are told: {notifySubjects: true|false, reason}")
    public BreachView subjectsDecision(@PathParam("id") long id, byte[] body) {
        Object[] fields = JsonBody.read(body, Set.of("notifySubjects", "reason"),
                json -> new Object[] {json.bool("notifySubjects"), json.text("reason")});
        return breaches.decideSubjects(caller.get(), id, (Boolean) fields[0], (String) fields[1]);
    }

    @GET
    @Path("{id}/draft")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The notification to the supervisory authority as a printable page (Art. 33(3) items)")
    public Response draft(@PathParam("id") long id) {
        return Response.ok(breaches.draft(caller.get(), id), MediaType.TEXT_HTML + "; charset=UTF-8").build();
    }
}
