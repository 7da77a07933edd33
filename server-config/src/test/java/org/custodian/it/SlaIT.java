package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SLA policies and clocks (#25), end to end: calendars and policies through the API (who may change them, bad
 * input, versions), a ticket's due times, a pause on WAITING_ON_CUSTOMER moving them, a priority change re-planning
 * them from another policy, first response met by a public answer, the queue ordered by due time, the ticket page's
 * section in Chromium, and a one-minute target breached by the one SLA timer: SLA_BREACH in the trail exactly once
 * (its clocks moved 50 s into the past and re-planned, so the breach comes ten seconds later, not a minute).
 * The policies select this class's own categories, so other classes' tickets get no clocks; they are retired after.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlaIT extends DeployedWar {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    private static final String MARK = UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x")
            .toUpperCase();
    private static final String FAST = "SLAFAST" + MARK;
    private static final String SLOW = "SLASLOW" + MARK;
    private static final String NONE = "SLANONE" + MARK;

    private static long alwaysCalendar;
    private static long fastTicket;
    private static Instant fastCreated;
    private static long urgentTicket;

    @AfterAll
    static void retirePolicies() throws Exception {
        Sql.update("update sla_policy set active = false where categories like ?", "%" + MARK + "%");
    }

    private static String calendar(String name, String zone, JsonObjectBuilder hours, JsonArrayBuilder holidays) {
        return Json.createObjectBuilder().add("name", name).add("region", "EU").add("timeZone", zone)
                .add("hours", hours).add("holidays", holidays).add("reason", "Working time of the test desk").build()
                .toString();
    }

    private static JsonObjectBuilder policy(String name, int position, long calendar, String category,
            List<String> priorities, int first, int resolution) {
        JsonArrayBuilder prios = Json.createArrayBuilder();
        priorities.forEach(prios::add);
        return Json.createObjectBuilder().add("name", name).add("position", position).add("calendarId", calendar)
                .add("categories", Json.createArrayBuilder().add(category)).add("priorities", prios)
                .add("firstResponseMinutes", first).add("resolutionMinutes", resolution)
                .add("reason", "Targets agreed with the test customers");
    }

    private static long ticket(Api api, String token, long customer, String subject, String category,
            String priority) {
        Reply reply = api.post("api/v1/tickets", token, Json.createObjectBuilder().add("customerId", customer)
                .add("subject", subject).add("description", "SLA test.").add("category", category)
                .add("priority", priority).build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static JsonObject sla(Api api, String token, long id) {
        Reply reply = api.get("api/v1/tickets/" + id, token);
        assertEquals(200, reply.status(), reply.toString());
        JsonValue sla = reply.json().get("sla");
        assertNotNull(sla, "the ticket JSON has an sla field: " + reply);
        return sla.getValueType() == JsonValue.ValueType.NULL ? null : sla.asJsonObject();
    }

    private static Instant at(JsonObject object, String field) {
        return Instant.parse(object.getString(field));
    }

    private static Reply patch(Api api, String token, long id, String json) {
        return api.send("PATCH", "api/v1/tickets/" + id, token, "application/merge-patch+json", json);
    }

    /** First, so the one-minute target runs out while the other tests go on; the last test checks the breach. */
    @Test
    @Order(1)
    void aOneMinuteTargetIsPlannedOnAnAlwaysWorkingCalendar() throws Exception {
        Api api = api();
        String supervisor = api.token("supervisor");
        String agent = api.token("agent.eu");
        for (String code : List.of(FAST, SLOW, NONE)) {
            TestData.listCategory(api, code);
        }
        JsonObjectBuilder always = Json.createObjectBuilder();
        for (DayOfWeek day : DayOfWeek.values()) {
            always.add(day.name(), "00:00-24:00");
        }
        Reply created = api.post("api/v1/sla/calendars", supervisor, calendar("Always " + MARK, "UTC", always,
                Json.createArrayBuilder()));
        assertEquals(201, created.status(), created.toString());
        alwaysCalendar = created.json().getJsonNumber("id").longValue();
        Reply fast = api.post("api/v1/sla/policies", supervisor, policy("Fast " + MARK, 0, alwaysCalendar, FAST,
                List.of(), 1, 600).build().toString());
        assertEquals(201, fast.status(), fast.toString());

        long customer = TestData.createCustomer(api, agent, "EU");
        fastTicket = ticket(api, agent, customer, "Breach me " + MARK, FAST, "NORMAL");
        JsonObject sla = sla(api, agent, fastTicket);
        fastCreated = Instant.parse(api.get("api/v1/tickets/" + fastTicket, agent).json().getString("createdAt"));
        assertEquals(fastCreated.plusSeconds(60), at(sla, "firstResponseDue"));
        assertEquals(fastCreated.plusSeconds(600 * 60), at(sla, "resolutionDue"));
        assertEquals("RUNNING", sla.getString("state"));
        // not a minute's wait: the clocks are made to have started 50 s ago and a priority change re-plans them from
        // there (the rule of the priority test below): the warning is due at once, the breach ten seconds later
        Sql.update("update sla_clock set started_at = now() - interval '50 seconds' where ticket_id = ?",
                fastTicket);
        Reply raised = patch(api, agent, fastTicket, "{\"priority\":\"HIGH\"}");
        assertEquals(200, raised.status(), raised.toString());
        fastCreated = Instant.parse(Sql.text("select to_char(started_at at time zone 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from sla_clock where ticket_id = ?"
                + " and kind = 'FIRST_RESPONSE'", fastTicket));
        assertEquals(fastCreated.plusSeconds(60), at(raised.json().getJsonObject("sla"), "firstResponseDue"));
    }

    @Test
    @Order(2)
    void calendarsAndPoliciesAreReadByAgentsAndChangedBySupervisorsWithVersions() throws Exception {
        Api api = api();
        String supervisor = api.token("supervisor");
        String agent = api.token("agent.eu");
        JsonObjectBuilder office = Json.createObjectBuilder();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            office.add(day.name(), "09:00-17:00");
        }
        String berlin = calendar("Berlin office " + MARK, "Europe/Berlin", office,
                Json.createArrayBuilder().add("2026-12-24").add("2026-12-25"));

        assertProblem(api.post("api/v1/sla/calendars", agent, berlin), 403);
        assertProblem(api.post("api/v1/sla/calendars", api.token("admin"), berlin), 403);
        assertViolation(api.post("api/v1/sla/calendars", supervisor, berlin.replace("Europe/Berlin", "Mars/Olympus")),
                "timeZone");
        assertViolation(api.post("api/v1/sla/calendars", supervisor, berlin.replace("09:00-17:00", "17:00-09:00")),
                "hours.MONDAY");
        assertViolation(api.post("api/v1/sla/calendars", supervisor, berlin.replace("2026-12-24", "Christmas Eve")),
                "holidays");
        Reply created = api.post("api/v1/sla/calendars", supervisor, berlin);
        assertEquals(201, created.status(), created.toString());
        long berlinId = created.json().getJsonNumber("id").longValue();
        assertEquals("09:00-17:00", created.json().getJsonObject("hours").getString("FRIDAY"));
        assertEquals(1, created.json().getInt("version"));

        assertViolation(api.post("api/v1/sla/policies", supervisor, policy("Zero " + MARK, 1, berlinId, SLOW,
                List.of(), 0, 60).build().toString()), "firstResponseMinutes");
        assertViolation(api.post("api/v1/sla/policies", supervisor, policy("Nowhere " + MARK, 1, 999_999, SLOW,
                List.of(), 10, 60).build().toString()), "calendarId");
        assertViolation(api.post("api/v1/sla/policies", supervisor, policy("Odd " + MARK, 1, berlinId, SLOW,
                List.of("SOON"), 10, 60).build().toString()), "priorities");
        // beyond an int: a violation, not an overflow
        assertViolation(api.post("api/v1/sla/policies", supervisor, policy("Huge " + MARK, 1, berlinId, SLOW,
                List.of(), 10, 60).add("nextResponseMinutes", 3_000_000_000L).build().toString()),
                "nextResponseMinutes");
        Reply normal = api.post("api/v1/sla/policies", supervisor, policy("Office " + MARK, 20, berlinId, SLOW,
                List.of("LOW", "NORMAL"), 120, 960).add("nextResponseMinutes", 60).build().toString());
        assertEquals(201, normal.status(), normal.toString());
        long normalId = normal.json().getJsonNumber("id").longValue();
        Reply urgent = api.post("api/v1/sla/policies", supervisor, policy("Urgent " + MARK, 10, alwaysCalendar, SLOW,
                List.of("HIGH", "URGENT"), 30, 240).build().toString());
        assertEquals(201, urgent.status(), urgent.toString());

        // a new version: the whole rule again; a stale If-Match is refused
        String revised = policy("Office " + MARK, 20, berlinId, SLOW, List.of("LOW", "NORMAL"), 120, 960)
                .add("nextResponseMinutes", 90).build().toString();
        assertProblem(api.send("PUT", "api/v1/sla/policies/" + normalId, supervisor, "application/json", revised,
                "If-Match", "\"7\""), 412);
        Reply put = api.send("PUT", "api/v1/sla/policies/" + normalId, supervisor, "application/json", revised,
                "If-Match", "\"1\"");
        assertEquals(200, put.status(), put.toString());
        assertEquals(2, put.json().getInt("version"));
        assertEquals(90, put.json().getInt("nextResponseMinutes"));
        assertEquals(2, Sql.longValue("select count(*) from audit_event where action = 'SLA_POLICY_CHANGE'"
                + " and resource_id = ?", String.valueOf(normalId)));

        Reply listed = api.get("api/v1/sla/policies", agent);
        assertEquals(200, listed.status(), listed.toString());
        List<String> names = listed.array().getValuesAs(JsonObject.class).stream()
                .map(each -> each.getString("name")).filter(name -> name.endsWith(MARK)).toList();
        assertEquals(List.of("Fast " + MARK, "Urgent " + MARK, "Office " + MARK), names, "in the order tried");
        assertEquals(200, api.get("api/v1/sla/calendars", agent).status());
        assertProblem(api.get("api/v1/sla/policies", api.token("operator")), 403);
    }

    @Test
    @Order(3)
    void aTicketGetsItsDueTimesFromTheFirstMatchingPolicy() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agent, "EU");
        long office = ticket(api, agent, customer, "Office hours " + MARK, SLOW, "NORMAL");
        JsonObject sla = sla(api, agent, office);
        Instant created = Instant.parse(api.get("api/v1/tickets/" + office, agent).json().getString("createdAt"));
        Instant firstDue = at(sla, "firstResponseDue");
        assertTrue(!firstDue.isBefore(created.plus(Duration.ofMinutes(120))), "business time is at least real: " + sla);
        ZonedDateTime local = firstDue.atZone(ZoneId.of("Europe/Berlin"));
        assertTrue(local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 9
                && (local.getHour() < 17 || local.getHour() == 17 && local.getMinute() == 0),
                "due within Berlin office hours: " + local);
        assertTrue(at(sla, "resolutionDue").isAfter(firstDue));

        urgentTicket = ticket(api, agent, customer, "Urgent " + MARK, SLOW, "URGENT");
        JsonObject urgent = sla(api, agent, urgentTicket);
        Instant urgentCreated = Instant.parse(api.get("api/v1/tickets/" + urgentTicket, agent).json()
                .getString("createdAt"));
        assertEquals(urgentCreated.plus(Duration.ofMinutes(30)), at(urgent, "firstResponseDue"));
        assertEquals(urgentCreated.plus(Duration.ofMinutes(240)), at(urgent, "resolutionDue"));

        long none = ticket(api, agent, customer, "No policy " + MARK, NONE, "URGENT");
        assertNull(sla(api, agent, none), "no policy matches: sla is null");

        // the first public answer meets the first response; the customer's next message starts the next-response
        // clock (90 business minutes in the office policy's version 2), the next answer meets it
        assertEquals(201, comment(api, agent, office, "PUBLIC", "AGENT").status());
        assertEquals(201, comment(api, agent, office, "PUBLIC", "EMAIL").status());
        JsonObject waiting = sla(api, agent, office);
        assertEquals("MET", waiting.getString("firstResponseState"), waiting.toString());
        assertEquals("RUNNING", waiting.getString("nextResponseState"), waiting.toString());
        assertEquals(90, waiting.getInt("nextResponseTargetMinutes"));
        assertEquals(201, comment(api, agent, office, "INTERNAL", "AGENT").status());
        assertEquals("RUNNING", sla(api, agent, office).getString("nextResponseState"), "a staff note is no answer");
        assertEquals(201, comment(api, agent, office, "PUBLIC", "AGENT").status());
        assertEquals("MET", sla(api, agent, office).getString("nextResponseState"));

        // resolving meets the resolution clock; nothing is due any more
        Reply resolved = patch(api, agent, office, "{\"status\":\"RESOLVED\"}");
        assertEquals(200, resolved.status(), resolved.toString());
        JsonObject done = resolved.json().getJsonObject("sla");
        assertEquals("MET", done.getString("resolutionState"), done.toString());
        assertEquals("MET", done.getString("state"));
        assertNull(Sql.text("select sla_due_at::text from ticket where id = ?", office));
    }

    private static Reply comment(Api api, String token, long id, String visibility, String channel) {
        return api.post("api/v1/tickets/" + id + "/comments", token, Json.createObjectBuilder()
                .add("body", "SLA test " + visibility + " " + channel).add("visibility", visibility)
                .add("channel", channel).build().toString());
    }

    @Test
    @Order(4)
    void waitingOnTheCustomerPausesAndTheReplyResumesWithShiftedDueTimes() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        JsonObject before = sla(api, agent, urgentTicket);
        Instant resolutionDue = at(before, "resolutionDue");

        Reply waiting = patch(api, agent, urgentTicket, "{\"status\":\"WAITING_ON_CUSTOMER\"}");
        assertEquals(200, waiting.status(), waiting.toString());
        Instant pausedAt = Instant.now();
        JsonObject paused = sla(api, agent, urgentTicket);
        assertEquals("PAUSED", paused.getString("state"));
        assertNull(Sql.text("select sla_due_at::text from ticket where id = ?", urgentTicket),
                "a paused ticket has no due time in the queue");
        Thread.sleep(3000);

        // the customer's reply (PUBLIC, by mail or phone) takes it back into work and resumes the clocks
        Reply reply = api.post("api/v1/tickets/" + urgentTicket + "/comments", agent,
                "{\"body\":\"The customer called back.\",\"visibility\":\"PUBLIC\",\"channel\":\"PHONE\"}");
        assertEquals(201, reply.status(), reply.toString());
        Duration pausedFor = Duration.between(pausedAt, Instant.now());
        JsonObject resumed = sla(api, agent, urgentTicket);
        assertEquals("RUNNING", resumed.getString("state"), resumed.toString());
        Duration shift = Duration.between(resolutionDue, at(resumed, "resolutionDue"));
        assertTrue(shift.compareTo(Duration.ofMillis(2900)) >= 0 && shift.compareTo(pausedFor.plusSeconds(2)) <= 0,
                "due moved by the paused time (" + pausedFor + "): " + shift);
        assertNotNull(Sql.text("select sla_due_at::text from ticket where id = ?", urgentTicket));

        // an agent's public answer meets the first response
        Reply answer = api.post("api/v1/tickets/" + urgentTicket + "/comments", agent,
                "{\"body\":\"We are on it.\",\"visibility\":\"PUBLIC\",\"channel\":\"AGENT\"}");
        assertEquals(201, answer.status(), answer.toString());
        JsonObject answered = sla(api, agent, urgentTicket);
        assertEquals("MET", answered.getString("firstResponseState"), answered.toString());
        assertNotNull(answered.getString("firstResponseMet"));
    }

    @Test
    @Order(5)
    void aPriorityChangeReplansFromTheOtherPolicyKeepingTheStart() {
        Api api = api();
        String agent = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agent, "EU");
        long id = ticket(api, agent, customer, "Escalating " + MARK, SLOW, "NORMAL");
        Instant created = Instant.parse(api.get("api/v1/tickets/" + id, agent).json().getString("createdAt"));
        JsonObject office = sla(api, agent, id);
        Reply raised = patch(api, agent, id, "{\"priority\":\"URGENT\"}");
        assertEquals(200, raised.status(), raised.toString());
        assertEquals("URGENT", raised.json().getString("priority"));
        JsonObject urgent = raised.json().getJsonObject("sla");
        assertNotEquals(office.getJsonNumber("policyId"), urgent.getJsonNumber("policyId"));
        // elapsed business time kept: the new targets count from the ticket's creation
        assertEquals(created.plus(Duration.ofMinutes(30)), at(urgent, "firstResponseDue"));
        assertEquals(created.plus(Duration.ofMinutes(240)), at(urgent, "resolutionDue"));
    }

    @Test
    @Order(6)
    void theQueueSortsByDueSoonest() {
        Api api = api();
        String agent = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agent, "EU");
        String marker = "duesort" + MARK.toLowerCase();
        long none = ticket(api, agent, customer, marker + " none", NONE, "NORMAL");
        long later = ticket(api, agent, customer, marker + " later", SLOW, "NORMAL");
        long soon = ticket(api, agent, customer, marker + " soon", SLOW, "URGENT");
        Reply page = api.get("api/v1/tickets?q=" + marker + "&sort=due", agent);
        assertEquals(200, page.status(), page.toString());
        List<Long> ids = page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(each -> each.getJsonNumber("id").longValue()).toList();
        assertEquals(List.of(soon, later, none), ids, "due soonest first, no due time last");
        Reply newest = api.get("api/v1/tickets?q=" + marker, agent);
        assertEquals(none, newest.json().getJsonArray("items").getJsonObject(2).getJsonNumber("id").longValue());
        assertViolation(api.get("api/v1/tickets?sort=soonest", agent), "sort");
    }

    @Test
    @Order(7)
    void theTicketPageShowsTheClocksInTheUsersTime() {
        BROWSER.base(base.toString());
        BROWSER.reset();
        BROWSER.signIn("agent.eu");
        BROWSER.await(driver -> BROWSER.path().startsWith("/index.xhtml"));
        BROWSER.open("/ticket.xhtml?id=" + urgentTicket);
        String section = BROWSER.byId("ticket-sla").getText();
        assertTrue(section.contains("Service level"), section);
        assertTrue(section.contains("First response") && section.contains("met on"), section);
        assertTrue(section.matches("(?s).*Resolution.*due in [0-9]+ h [0-9]+ min.*"), section);
        BROWSER.screenshot("sla-ticket");
        BROWSER.open("/index.xhtml?sort=due");
        assertEquals("due", BROWSER.byId("filters:sort").getAttribute("value"));
    }

    @Test
    @Order(8)
    void theOneMinuteTargetIsBreachedOnceAndTheBreachIsInTheTrail() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        Instant deadline = Instant.now().plusSeconds(30);
        long breaches = 0;
        do {
            breaches = Sql.longValue("select count(*) from audit_event where action = 'SLA_BREACH'"
                    + " and resource_id = ?", String.valueOf(fastTicket));
            if (breaches == 0) {
                Thread.sleep(500);
            }
        } while (breaches == 0 && Instant.now().isBefore(deadline));
        assertEquals(1, breaches, "the timer recorded the breach of the one-minute first response");
        assertEquals("true", Sql.text("select (breached_at >= due and due = started_at + interval '60 seconds')::text"
                + " from sla_clock where ticket_id = ? and kind = 'FIRST_RESPONSE'", fastTicket),
                "not before it was due, a minute after the (moved) start");
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'SLA_WARNING'"
                + " and resource_id = ?", String.valueOf(fastTicket)), "the 75 % warning came first, once");
        JsonObject sla = sla(api, agent, fastTicket);
        assertEquals("BREACHED", sla.getString("state"), sla.toString());
        assertNotNull(sla.getString("firstResponseBreached"));
        assertTrue(Sql.longValue("select count(*) from notification where topic = 'SLA' and resource_id = ?",
                String.valueOf(fastTicket)) >= 1, "someone was told");
        long sequence = Sql.longValue("select sequence from audit_event where action = 'SLA_BREACH'"
                + " and resource_id = ?", String.valueOf(fastTicket));
        Reply export = api.get("api/v1/audit/export?from=" + sequence + "&to=" + sequence, api.token("auditor"));
        assertEquals(200, export.status(), export.toString().substring(0, Math.min(300, export.toString().length())));
        assertTrue(export.body().contains("SLA_BREACH"), "the auditor's export holds the breach");

        Thread.sleep(2500);
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'SLA_BREACH'"
                + " and resource_id = ?", String.valueOf(fastTicket)), "once per clock");
        assertNull(Sql.text("select alarm_at::text from sla_clock where ticket_id = ? and kind = 'FIRST_RESPONSE'",
                fastTicket), "nothing more to do for that clock");
    }
}
