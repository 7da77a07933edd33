package org.custodian.interfaces.rest.sla;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.sla.SlaService;
import org.custodian.application.sla.SlaService.CalendarInput;
import org.custodian.application.sla.SlaService.CalendarView;
import org.custodian.application.sla.SlaService.PolicyInput;
import org.custodian.application.sla.SlaService.PolicyView;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.IfMatch;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.custodian.interfaces.rest.shared.Versioned;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Business calendars and SLA policies (#25): read with SLA_READ, created and replaced with SLA_MANAGE. */
@Path("sla")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class SlaResource {

    private static final Set<String> CALENDAR_FIELDS =
            Set.of("name", "region", "timeZone", "hours", "holidays", "reason");
    private static final Set<String> POLICY_FIELDS = Set.of("name", "position", "priorities", "categories",
            "regions", "calendarId", "firstResponseMinutes", "nextResponseMinutes", "resolutionMinutes", "active",
            "reason", "escalateToTeam");
    /** A number beyond an int: a violation here, not an overflow later. */
    private static final String OUT_OF_RANGE = "is out of range";

    @EJB
    SlaService sla;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("calendars")
    @Operation(summary = "Business calendars (SLA_READ: agents, engineers, supervisors, auditors)")
    public List<CalendarView> calendars() {
        return sla.calendars(caller.get());
    }

    @POST
    @Path("calendars")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a calendar (supervisor): {name, region?, timeZone, hours {MONDAY: \"09:00-17:00\", ...},"
            + " holidays [\"2026-12-25\"], reason}")
    public Response createCalendar(byte[] body, @Context UriInfo uri) {
        CalendarView created = sla.createCalendar(caller.get(), calendarInput(body));
        return Versioned.created(uri, created.id(), created, created.version());
    }

    @PUT
    @Path("calendars/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a calendar (a new version; planned clocks keep their due times); If-Match optional")
    public Response reviseCalendar(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        CalendarView revised = sla.reviseCalendar(caller.get(), id, calendarInput(body),
                IfMatch.expectedVersion(ifMatch, "business calendar"));
        return Versioned.ok(revised, revised.version());
    }

    @GET
    @Path("policies")
    @Operation(summary = "SLA policies in the order they are tried (position, then age)")
    public List<PolicyView> policies() {
        return sla.policies(caller.get());
    }

    @POST
    @Path("policies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a policy (supervisor): {name, position, priorities?, categories?, regions?, calendarId,"
            + " firstResponseMinutes, nextResponseMinutes?, resolutionMinutes, active?, reason}")
    public Response createPolicy(byte[] body, @Context UriInfo uri) {
        PolicyView created = sla.createPolicy(caller.get(), policyInput(body));
        return Versioned.created(uri, created.id(), created, created.version());
    }

    @PUT
    @Path("policies/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a policy (a new version); active=false retires it; If-Match optional")
    public Response revisePolicy(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        PolicyView revised = sla.revisePolicy(caller.get(), id, policyInput(body),
                IfMatch.expectedVersion(ifMatch, "SLA policy"));
        return Versioned.ok(revised, revised.version());
    }

    private static CalendarInput calendarInput(byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, CALENDAR_FIELDS, check);
        Map<String, String> hours = null;
        JsonValue given = json.fields().get("hours");
        if (given instanceof JsonObject object) {
            hours = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> day : object.entrySet()) {
                if (day.getValue() instanceof JsonString text) {
                    hours.put(day.getKey(), text.getString());
                } else {
                    check.require(false, "hours." + day.getKey(), "must be a string like \"09:00-17:00\"");
                }
            }
        } else if (given != null && given.getValueType() != JsonValue.ValueType.NULL) {
            check.require(false, "hours", "must be an object like {\"MONDAY\": \"09:00-17:00\"}");
        }
        CalendarInput input = new CalendarInput(json.text("name"), json.text("region"), json.text("timeZone"), hours,
                json.textList("holidays"), json.text("reason"));
        check.throwIfAny();
        return input;
    }

    private static PolicyInput policyInput(byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, POLICY_FIELDS, check);
        PolicyInput input = new PolicyInput(json.text("name"), json.intNumber("position", OUT_OF_RANGE),
                json.textList("priorities"), json.textList("categories"), json.textList("regions"),
                json.wholeNumber("calendarId"), json.intNumber("firstResponseMinutes", OUT_OF_RANGE),
                json.intNumber("nextResponseMinutes", OUT_OF_RANGE), json.intNumber("resolutionMinutes", OUT_OF_RANGE),
                json.bool("active"), json.text("reason"), json.text("escalateToTeam"));
        check.throwIfAny();
        return input;
    }
}
