package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The SLA report, escalation and dashboard (#25), end to end: a breach of a policy that names an escalation team
 * routes the ticket to that team (SLA_ESCALATION in the trail, the supervisors told); a reopen restarts the
 * resolution clock; the report's numbers for this class's own categories are the ones its tickets make (JSON and
 * CSV); bad parameters are 400s naming them; agents are refused; the supervisor's dashboard shows it all in Chromium.
 * To breach within seconds rather than a minute, the escalated ticket's clocks are moved 58 s into the past and the
 * ticket's priority is changed, which re-plans them from that start (the rule SlaIT checks) and re-arms the timer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlaReportIT extends DeployedWar {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    private static final String MARK = UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x")
            .toUpperCase();
    private static final String WORK = "SLAREP" + MARK;
    private static final String ESC = "SLAESC" + MARK;
    private static final String TEAM = "esc-" + MARK.toLowerCase();

    private static long escalated;
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

    @AfterAll
    static void retirePolicies() throws Exception {
        Sql.update("update sla_policy set active = false where categories like ?", "%" + MARK + "%");
    }

    private static long ticket(Api api, String token, long customer, String category) {
        Reply reply = api.post("api/v1/tickets", token, Json.createObjectBuilder().add("customerId", customer)
                .add("subject", "Report " + MARK).add("description", "SLA report test.").add("category", category)
                .build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static Reply patch(Api api, String token, long id, String json) {
        return api.send("PATCH", "api/v1/tickets/" + id, token, "application/merge-patch+json", json);
    }

    private static String period() {
        return "from=" + START + "&to=" + Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
    }

    private static JsonObject group(Reply report, String key) {
        return report.json().getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(g -> key.equals(g.getString("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + key + " in " + report));
    }

    @Test
    @Order(1)
    void aBreachEscalatesToThePolicysTeamOnceAudited() throws Exception {
        Api api = api();
        String supervisor = api.token("supervisor");
        String admin = api.token("admin");
        String agent = api.token("agent.eu");
        TestData.listCategory(api, WORK);
        TestData.listCategory(api, ESC);
        assertEquals(201, api.post("api/v1/teams", admin, Json.createObjectBuilder().add("key", TEAM)
                .add("name", "Escalations " + MARK).add("region", "EU").build().toString()).status());
        JsonObjectBuilder always = Json.createObjectBuilder();
        for (DayOfWeek day : DayOfWeek.values()) {
            always.add(day.name(), "00:00-24:00");
        }
        Reply calendar = api.post("api/v1/sla/calendars", supervisor, Json.createObjectBuilder()
                .add("name", "Always " + MARK).add("region", "EU").add("timeZone", "UTC").add("hours", always)
                .add("holidays", Json.createArrayBuilder()).add("reason", "Round the clock for the report test")
                .build().toString());
        assertEquals(201, calendar.status(), calendar.toString());
        long calendarId = calendar.json().getJsonNumber("id").longValue();
        JsonObjectBuilder policy = Json.createObjectBuilder().add("position", 0).add("calendarId", calendarId)
                .add("firstResponseMinutes", 1).add("resolutionMinutes", 600)
                .add("reason", "Targets agreed for the report test");
        assertViolation(api.post("api/v1/sla/policies", supervisor, policy.add("name", "Nowhere " + MARK)
                .add("categories", Json.createArrayBuilder().add(ESC)).add("escalateToTeam", "no-such-team")
                .build().toString()), "escalateToTeam");
        Reply esc = api.post("api/v1/sla/policies", supervisor, Json.createObjectBuilder().add("position", 0)
                .add("calendarId", calendarId).add("firstResponseMinutes", 1).add("resolutionMinutes", 600)
                .add("reason", "Targets agreed for the report test").add("name", "Escalate " + MARK)
                .add("categories", Json.createArrayBuilder().add(ESC)).add("escalateToTeam", TEAM).build()
                .toString());
        assertEquals(201, esc.status(), esc.toString());
        // the team works EU tickets: a policy naming another region cannot escalate to it (422 on the field)
        for (String regions : List.of("US", "EU,US")) {
            JsonArrayBuilder named = Json.createArrayBuilder();
            List.of(regions.split(",")).forEach(named::add);
            assertViolation(api.post("api/v1/sla/policies", supervisor, Json.createObjectBuilder().add("position", 0)
                    .add("calendarId", calendarId).add("firstResponseMinutes", 1).add("resolutionMinutes", 600)
                    .add("reason", "Targets agreed for the report test").add("name", "Elsewhere " + MARK)
                    .add("categories", Json.createArrayBuilder().add(ESC)).add("regions", named)
                    .add("escalateToTeam", TEAM).build().toString()), "escalateToTeam");
        }
        assertEquals(TEAM, esc.json().getString("escalateToTeam"));
        Reply work = api.post("api/v1/sla/policies", supervisor, Json.createObjectBuilder().add("position", 0)
                .add("calendarId", calendarId).add("firstResponseMinutes", 30).add("resolutionMinutes", 600)
                .add("reason", "Targets agreed for the report test").add("name", "Work " + MARK)
                .add("categories", Json.createArrayBuilder().add(WORK)).build().toString());
        assertEquals(201, work.status(), work.toString());

        long customer = TestData.createCustomer(api, agent, "EU");
        escalated = ticket(api, agent, customer, ESC);
        // the policy covers every region: a US ticket under it breaches too, but the EU team may not take it
        String agentUs = api.token("agent.us");
        long elsewhere = ticket(api, agentUs, TestData.createCustomer(api, agentUs, "US"), ESC);
        Sql.update("update sla_clock set started_at = started_at - interval '58 seconds' where ticket_id = ?",
                elsewhere);
        assertEquals(200, patch(api, agentUs, elsewhere, "{\"priority\":\"HIGH\"}").status());
        assertEquals(200, patch(api, agent, escalated, "{\"assignee\":\"agent.eu\"}").status());
        // 58 s into the past, then re-planned by a priority change: warned at once, breached ~2 s later
        Sql.update("update sla_clock set started_at = started_at - interval '58 seconds' where ticket_id = ?",
                escalated);
        assertEquals(200, patch(api, agent, escalated, "{\"priority\":\"HIGH\"}").status());
        Instant deadline = Instant.now().plusSeconds(20);
        long escalations = 0;
        while (Instant.now().isBefore(deadline) && escalations == 0) {
            Thread.sleep(300);
            escalations = Sql.longValue("select count(*) from audit_event where action = 'SLA_ESCALATION'"
                    + " and resource_id = ?", String.valueOf(escalated));
        }
        assertEquals(1, escalations, "the breach escalated the ticket, audited");
        long skipped = 0;
        while (Instant.now().isBefore(deadline.plusSeconds(10)) && skipped == 0) {
            skipped = Sql.longValue("select count(*) from audit_event where action = 'SLA_ESCALATION' and"
                    + " resource_id = ? and outcome = 'FAILURE' and fields like '%skipped=team region EU is not the"
                    + " ticket''s region US%'", String.valueOf(elsewhere));
            Thread.sleep(skipped == 0 ? 300 : 0);
        }
        assertEquals(1, skipped, "the escalation to a team of another region was skipped, audited");
        JsonObject stayed = api.get("api/v1/tickets/" + elsewhere, agentUs).json();
        assertTrue(stayed.get("team") == null || JsonValue.NULL.equals(stayed.get("team")),
                "not routed to the EU team: " + stayed);
        assertEquals("BREACHED", stayed.getJsonObject("sla").getString("state"));
        JsonObject ticket = api.get("api/v1/tickets/" + escalated, supervisor).json();
        assertEquals(TEAM, ticket.getJsonObject("team").getString("key"), ticket.toString());
        assertEquals(JsonValue.NULL, ticket.get("assignee"), "the agent is not in the escalation team: taken off");
        assertEquals("BREACHED", ticket.getJsonObject("sla").getString("state"));
        String fields = Sql.text("select fields from audit_event where action = 'SLA_ESCALATION' and resource_id = ?",
                String.valueOf(escalated));
        assertTrue(fields.contains("team=null->" + TEAM) && fields.contains("assignee=agent.eu->null"), fields);
        assertTrue(Sql.longValue("select count(*) from notification where topic = 'SLA' and resource_id = ?"
                + " and recipient_role = 'SUPERVISOR' and recipient_user is null", String.valueOf(escalated)) >= 1,
                "the supervisors were told");
        Thread.sleep(1500);
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'SLA_ESCALATION'"
                + " and resource_id = ?", String.valueOf(escalated)), "once");
    }

    @Test
    @Order(2)
    void theReportCountsWhatTheTicketsDidAndAReopenRestartsResolution() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agent, "EU");
        long answered = ticket(api, agent, customer, WORK);
        long resolved = ticket(api, agent, customer, WORK);
        ticket(api, agent, customer, WORK);
        Reply answer = api.post("api/v1/tickets/" + answered + "/comments", agent, Json.createObjectBuilder()
                .add("body", "We are on it.").add("visibility", "PUBLIC").build().toString());
        assertEquals(201, answer.status(), answer.toString());
        assertEquals(200, patch(api, agent, resolved, "{\"status\":\"RESOLVED\"}").status());
        Reply reopened = api.send("POST", "api/v1/tickets/" + resolved + "/reopen", agent, "application/json",
                Json.createObjectBuilder().add("reason", "The customer says it is back").build().toString());
        assertEquals(200, reopened.status(), reopened.toString());
        JsonObject sla = reopened.json().getJsonObject("sla");
        assertNotNull(sla, reopened.toString());
        assertEquals("RUNNING", sla.getString("resolutionState"), "a reopen restarts the resolution clock: " + sla);
        assertEquals(2, Sql.longValue("select count(*) from sla_clock where ticket_id = ? and kind = 'RESOLUTION'",
                resolved), "the met clock stays, a new one runs");

        String supervisor = api.token("supervisor");
        Reply report = api.get("api/v1/reports/sla?groupBy=category&" + period(), supervisor);
        assertEquals(200, report.status(), report.toString());
        assertEquals("category", report.json().getString("groupBy"));
        // recomputed from what the tickets did: 3 tickets, all open again; one first answer in time, one
        // resolution in time (the reopened ticket's first clock), nothing missed
        JsonObject mine = group(report, WORK);
        assertEquals(3, mine.getInt("tickets"), mine.toString());
        assertEquals(3, mine.getInt("open"));
        assertEquals(1, mine.getInt("firstResponseMet"));
        assertEquals(0, mine.getInt("firstResponseMissed"));
        assertEquals(100.0, mine.getJsonNumber("firstResponseAttainment").doubleValue());
        assertEquals(1, mine.getInt("resolutionMet"));
        assertEquals(100.0, mine.getJsonNumber("resolutionAttainment").doubleValue());
        assertEquals(0, mine.getInt("breaches"));
        assertTrue(mine.getJsonNumber("firstResponseP50Minutes").doubleValue() < 5, mine.toString());
        JsonObject breached = group(report, ESC);
        assertEquals(1, breached.getInt("tickets"));
        assertEquals(1, breached.getInt("firstResponseMissed"));
        assertEquals(0.0, breached.getJsonNumber("firstResponseAttainment").doubleValue());
        assertEquals(1, breached.getInt("breaches"));
        assertTrue(!breached.containsKey("resolutionAttainment") || breached.isNull("resolutionAttainment"),
                "nothing decided yet: no percentage " + breached);

        Reply byTeam = api.get("api/v1/reports/sla?groupBy=team&" + period(), api.token("auditor"));
        assertEquals(200, byTeam.status(), "auditors check the targets: " + byTeam);
        assertEquals(1, group(byTeam, TEAM).getInt("breaches"));
        assertTrue(Sql.longValue("select count(*) from audit_event where action = 'SLA_REPORT'"
                + " and actor = 'supervisor'") >= 1, "reading the report is audited");
    }

    @Test
    @Order(3)
    void theReportAsCsvAndItsRefusals() {
        Api api = api();
        String supervisor = api.token("supervisor");
        Reply csv = api.send("GET", "api/v1/reports/sla?groupBy=category&" + period(), supervisor, null, null,
                "Accept", "text/csv");
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String[] lines = csv.body().split("\r\n");
        assertEquals("category,tickets,open,firstResponseAttainment,firstResponseMet,firstResponseMissed,"
                + "resolutionAttainment,resolutionMet,resolutionMissed,breaches,firstResponseP50Minutes,"
                + "firstResponseP90Minutes,resolutionP50Minutes,resolutionP90Minutes", lines[0]);
        assertTrue(List.of(lines).stream().anyMatch(l -> l.startsWith(WORK + ",3,3,100.0,1,0,100.0,1,0,0,")),
                csv.body());
        Reply asked = api.get("api/v1/reports/sla?format=csv&groupBy=day&" + period(), supervisor);
        assertEquals(200, asked.status(), asked.toString());
        assertTrue(asked.contentType().startsWith("text/csv"), asked.contentType());
        assertTrue(asked.body().startsWith("day,tickets,"), asked.body());
        assertTrue(asked.header("Content-Disposition").orElse("").contains("sla-report-day-"));

        assertProblem(api.get("api/v1/reports/sla", api.token("agent.eu")), 403);
        assertViolation(api.get("api/v1/reports/sla?groupBy=week", supervisor), "groupBy");
        assertViolation(api.get("api/v1/reports/sla?from=yesterday", supervisor), "from");
        assertViolation(api.get("api/v1/reports/sla?from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z",
                supervisor), "to");
        assertViolation(api.get("api/v1/reports/sla?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                supervisor), "to");
        assertViolation(api.get("api/v1/reports/sla?format=xml", supervisor), "format");
        Reply both = api.get("api/v1/reports/sla?groupBy=week&from=soon", supervisor);
        assertTrue(both.body().contains("team, region, priority, category, day"), "what is allowed: " + both);
    }

    @Test
    @Order(4)
    void theSupervisorsDashboardShowsChartsWithTheirNumbers() throws Exception {
        // the days are the viewer's: the supervisor's profile names Berlin (put back afterwards)
        String zoneBefore = Sql.text("select time_zone from app_user where username = 'supervisor'");
        Sql.update("update app_user set time_zone = 'Europe/Berlin' where username = 'supervisor'");
        try {
            dashboard();
        } finally {
            Sql.update("update app_user set time_zone = ? where username = 'supervisor'", zoneBefore);
        }
    }

    private void dashboard() {
        BROWSER.base(base.toString());
        BROWSER.reset();
        BROWSER.signIn("agent.eu");
        BROWSER.await(driver -> BROWSER.path().startsWith("/index.xhtml"));
        assertTrue(BROWSER.driver().findElements(By.id("nav-sla")).isEmpty(),
                "agents are not offered the dashboard");
        BROWSER.reset();
        BROWSER.signIn("supervisor");
        // a supervisor's first sign-in enrolls a second factor
        assertEquals("/enroll.xhtml", BROWSER.path());
        BROWSER.enrollSecondFactor();
        BROWSER.await(driver -> BROWSER.path().startsWith("/index.xhtml"));
        BROWSER.byId("nav-sla").click();
        BROWSER.await(driver -> BROWSER.path().startsWith("/sla-dashboard.xhtml"));
        // the days are Berlin's: from 23:00 UTC "today in UTC" is already yesterday there, so the period
        // spans the days around Berlin's today
        LocalDate berlin = LocalDate.now(ZoneId.of("Europe/Berlin"));
        BROWSER.open("/sla-dashboard.xhtml?from=" + berlin.minusDays(1) + "&to=" + berlin.plusDays(1));
        String categories = BROWSER.byId("sla-by-category").getText();
        assertTrue(categories.contains(WORK) && categories.contains(ESC), categories);
        String teams = BROWSER.byId("sla-by-team").getText();
        assertTrue(teams.contains(TEAM), teams);
        assertFalse(BROWSER.driver().findElements(By.cssSelector("#sla-by-day canvas"))
                .isEmpty(), "a chart is drawn");
        assertEquals(3, BROWSER.driver().findElements(By.cssSelector(
                "button[id^='sla-dashboard:csv-']")).size(), "a CSV download per chart");
        String zone = BROWSER.byId("sla-zone").getText();
        assertTrue(zone.contains("Europe/Berlin") && zone.contains("your profile"), zone);
        BROWSER.screenshot("sla-dashboard");
    }
}
