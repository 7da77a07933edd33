package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Governance SLOs (#25): each role sees the objectives of its remit (JSON and CSV), bad parameters are 4xx problems,
 * and a backup older than its RPO target and a subject request past its deadline each open exactly one incident (a
 * second evaluation opens none). The timer is off in the test servers (CUSTODIAN_SLO_INTERVAL=PT0S, pom.xml): the
 * evaluations are the operator's POST, which runs the timer's code.
 */
class GovernanceSloIT extends DeployedWar {

    private static final String EVALUATE = "api/v1/reports/governance-slo/evaluations";
    private static final String REPORT = "api/v1/reports/governance-slo";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @AfterAll
    static void down() throws Exception {
        // later classes take API tokens for these users without a second factor
        Sql.update("delete from user_second_factor where username in ('auditor', 'supervisor')");
    }

    /** Tokens by user: signing in hashes a password, which takes its time; one token per user is enough here. */
    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String token(Api api, String user) {
        return TOKENS.computeIfAbsent(user, api::token);
    }

    private static Set<String> remits(JsonObject report) {
        Set<String> remits = new TreeSet<>();
        report.getJsonArray("objectives").forEach(o -> remits.add(o.asJsonObject().getString("remit")));
        return remits;
    }

    @Test
    void eachRoleSeesItsRemitAsJsonAndCsvAndBadParametersAreProblems() throws Exception {
        Api api = api();
        JsonObject privacy = api.get(REPORT, token(api, "privacy")).json();
        assertEquals(Set.of("privacy", "access-review"), remits(privacy), privacy.toString());
        assertEquals(Set.of("backup", "audit"), remits(api.get(REPORT, token(api, "operator")).json()));
        assertEquals(Set.of("security"), remits(api.get(REPORT, token(api, "supervisor")).json()));
        String auditor = token(api, "auditor");
        JsonObject all = api.get(REPORT, auditor).json();
        assertEquals(Set.of("privacy", "access-review", "backup", "audit", "security"), remits(all));
        assertEquals(14, all.getJsonArray("objectives").size());
        JsonObject rpo = objective(all, "backup.rpo");
        for (String field : List.of("id", "remit", "target", "unit", "comparison", "status", "met", "measuredAt",
                "basis", "detail")) {
            assertTrue(rpo.containsKey(field), field + " in " + rpo);
        }
        assertEquals("hours", rpo.getString("unit"));
        assertEquals(26.0, rpo.getJsonNumber("target").doubleValue(), "the default RPO target, 26 h");
        // one remit only, when asked for
        assertEquals(Set.of("audit"), remits(api.get(REPORT + "?remit=audit", auditor).json()));

        // CSV: a header and one row per objective of the remit
        Reply csv = api.send("GET", REPORT + "?remit=backup", auditor, null, null, "Accept", "text/csv");
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String[] lines = csv.body().split("\r\n");
        assertEquals("id,remit,value,target,unit,comparison,status,measuredAt,basis,detail", lines[0]);
        assertEquals(5, lines.length, csv.body());
        assertTrue(lines[1].startsWith("backup.success-rate,backup,"), lines[1]);

        // refused and invalid
        assertProblem(api.get(REPORT, token(api, "agent.eu")), 403);
        assertProblem(api.get(REPORT + "?remit=backup", token(api, "privacy")), 403);
        assertProblem(api.get(REPORT + "/history?objective=backup.rpo", token(api, "supervisor")), 403);
        assertProblem(evaluate(api, auditor), 403);
        assertProblem(api.get(REPORT, null), 401);
        assertViolation(api.get(REPORT + "?remit=finance", auditor), "remit");
        assertViolation(api.get(REPORT + "/history?objective=backup.nothing", auditor), "objective");
        assertViolation(api.get(REPORT + "/history?from=yesterday", auditor), "from");
        assertViolation(api.get(REPORT + "/history?from=2026-12-02&to=2026-12-01", auditor), "from");
        assertEquals(200, api.get(REPORT + "/history?objective=backup.rpo&from=2026-01-01", auditor).status());
        assertTrue(Sql.longValue("select count(*) from audit_event where action = 'SLO_REPORT'") > 0
                || pendingAudit("SLO_REPORT"), "reads of the objectives are audited");
    }

    private static Reply evaluate(Api api, String token) {
        return api.send("POST", EVALUATE, token, null, null);
    }

    private static boolean pendingAudit(String action) throws Exception {
        Thread.sleep(1000);
        return Sql.longValue("select count(*) from audit_event where action = ?", action) > 0;
    }

    private static JsonObject objective(JsonObject report, String id) {
        for (JsonValue value : report.getJsonArray("objectives")) {
            if (value.asJsonObject().getString("id").equals(id)) {
                return value.asJsonObject();
            }
        }
        throw new AssertionError(id + " not in " + report);
    }

    private static JsonObject evaluated(JsonObject evaluation, String id) {
        return evaluation.getJsonArray("objectives").stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("objective").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + evaluation));
    }

    private static long incidents(String objective, Timestamp since) throws Exception {
        return Sql.longValue("select count(*) from ticket where category = 'GOVERNANCE' and subject = ?"
                + " and created_at >= ?", "Governance objective missed: " + objective, since);
    }

    private static long alerts(String objective, Timestamp since) throws Exception {
        return Sql.longValue("select count(*) from alert where rule = 'SLO_MISSED' and actor = ? and created_at >= ?",
                "slo:" + objective, since);
    }

    @Test
    void aBackupOlderThanItsRpoAndARequestPastItsDeadlineEachOpenExactlyOneIncident() throws Exception {
        Api api = api();
        String operator = token(api, "operator");
        String privacyToken = token(api, "privacy");
        Timestamp start = new Timestamp(System.currentTimeMillis() - 1000);
        // a stretch left open by another test: its ticket is closed, so what follows is a new stretch of its own
        Sql.update("update ticket set status = 'RESOLVED', resolved_at = now(), updated_at = now()"
                + " where category = 'GOVERNANCE' and status not in ('RESOLVED', 'CLOSED')");
        List<String> primarySets = Sql.texts("select id from backup_set where target = 'primary'"
                + " and status = 'COMPLETE'");
        String fresh = "slo-it-" + UUID.randomUUID().toString().substring(0, 8);
        Sql.update("insert into backup_set (id, set_name, backup_type, status, target, reason, requested_by,"
                + " job_execution_id, started_at, snapshot_at, completed_at) values (nextval('backup_set_seq'), ?,"
                + " 'FULL', 'COMPLETE', 'primary', 'GovernanceSloIT', 'operator', 0, now(), now(), now())", fresh);
        Reply registered = api.post("api/v1/privacy/requests", privacyToken, Json.createObjectBuilder()
                .add("type", "ACCESS").add("email", "slo-" + UUID.randomUUID() + "@example.org").build().toString());
        assertEquals(201, registered.status(), registered.toString());
        long request = registered.json().getJsonNumber("id").longValue();
        String supervisor = token(api, "supervisor");
        governancePolicy(api, supervisor);
        try {
            // the baseline: a fresh backup and no request past its deadline
            JsonObject baseline = evaluate(api, operator).json();
            assertEquals("MET", evaluated(baseline, "backup.rpo").getString("status"), baseline.toString());
            String privacyBefore = Sql.text("select status from slo_evaluation where objective ="
                    + " 'privacy.requests-on-time' order by evaluated_at desc, id desc limit 1");
            assertFalse("MISSED".equals(privacyBefore), "no request is late before the test makes one late");

            // the newest complete set is now older than the 26 h RPO target; the request is 10 days overdue
            Sql.update("update backup_set set snapshot_at = snapshot_at - interval '400 days', completed_at ="
                    + " completed_at - interval '400 days' where set_name = ? or id::text = any (?::text[])", fresh,
                    "{" + String.join(",", primarySets) + "}");
            Sql.update("update privacy_request set received_at = now() - interval '40 days', due_at = now()"
                    + " - interval '10 days' where id = ?", request);
            JsonObject missed = evaluate(api, operator).json();
            JsonObject rpo = evaluated(missed, "backup.rpo");
            assertEquals("MISSED", rpo.getString("status"), missed.toString());
            assertTrue(rpo.getBoolean("opened"), rpo.toString());
            assertFalse(missed.toString().contains("privacy."), "the operator sees only their remit: " + missed);
            assertEquals(1, incidents("backup.rpo", start));
            assertEquals(1, alerts("backup.rpo", start));
            assertEquals(1, incidents("privacy.requests-on-time", start), "the late request opened its incident");
            assertEquals(1, alerts("privacy.requests-on-time", start));
            JsonObject privacyNow = objective(api.get(REPORT + "?remit=privacy", privacyToken).json(),
                    "privacy.requests-on-time");
            assertEquals("MISSED", privacyNow.getString("status"), privacyNow.toString());

            // evaluated again while still missed: no new incident for either
            JsonObject again = evaluate(api, operator).json();
            assertFalse(evaluated(again, "backup.rpo").getBoolean("opened"));
            assertEquals(rpo.getJsonNumber("incidentTicketId").longValue(),
                    evaluated(again, "backup.rpo").getJsonNumber("incidentTicketId").longValue());
            assertEquals(1, incidents("backup.rpo", start));
            assertEquals(1, incidents("privacy.requests-on-time", start));
            assertEquals(1, alerts("privacy.requests-on-time", start));

            // the incident is the operations team's ticket, and in the trail
            long ticket = rpo.getJsonNumber("incidentTicketId").longValue();
            assertEquals("HIGH", Sql.text("select priority from ticket where id = ?", ticket));
            // like any ticket, the incident runs the clocks of the policy that matches it (#25)
            assertEquals(2, Sql.longValue("select count(*) from sla_clock where ticket_id = ? and kind in"
                    + " ('FIRST_RESPONSE', 'RESOLUTION')", ticket), "the incident's SLA clocks");
            JsonObject incident = api.get("api/v1/tickets/" + ticket, supervisor).json();
            assertEquals("RUNNING", incident.getJsonObject("sla").getString("state"), incident.toString());
            Thread.sleep(500);
            assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'SLO_MISSED'"
                    + " and fields like '%objective=backup.rpo%' and occurred_at >= ?", start));
            assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'MONITORING_OPENED'"
                    + " and resource_id = ?", String.valueOf(ticket)));
            assertEquals(3, Sql.longValue("select count(*) from slo_evaluation where objective = 'backup.rpo'"
                    + " and evaluated_at >= ?", start), "each evaluation is kept");
        } finally {
            Sql.update("update backup_set set snapshot_at = snapshot_at + interval '400 days', completed_at ="
                    + " completed_at + interval '400 days' where id::text = any (?::text[])",
                    "{" + String.join(",", primarySets) + "}");
            Sql.update("delete from backup_set where set_name = ?", fresh);
            Sql.update("update privacy_request set due_at = now() + interval '20 days', received_at = now()"
                    + " where id = ?", request);
        }
    }

    /** A policy for the governance incidents (category GOVERNANCE), on a round-the-clock calendar; once per run. */
    private static void governancePolicy(Api api, String supervisor) throws Exception {
        if (Sql.longValue("select count(*) from sla_policy where name = 'Governance incidents (IT)'") > 0) {
            return;
        }
        jakarta.json.JsonObjectBuilder always = Json.createObjectBuilder();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            always.add(day.name(), "00:00-24:00");
        }
        Reply calendar = api.post("api/v1/sla/calendars", supervisor, Json.createObjectBuilder()
                .add("name", "Always (GovernanceSloIT)").add("region", "EU").add("timeZone", "UTC")
                .add("hours", always).add("holidays", Json.createArrayBuilder())
                .add("reason", "Operations work round the clock").build().toString());
        assertEquals(201, calendar.status(), calendar.toString());
        Reply policy = api.post("api/v1/sla/policies", supervisor, Json.createObjectBuilder()
                .add("name", "Governance incidents (IT)").add("position", 0)
                .add("categories", Json.createArrayBuilder().add("GOVERNANCE"))
                .add("calendarId", calendar.json().getJsonNumber("id").longValue()).add("firstResponseMinutes", 60)
                .add("resolutionMinutes", 480).add("reason", "Missed objectives are answered within the hour")
                .build().toString());
        assertEquals(201, policy.status(), policy.toString());
    }

    @Test
    void thePortalShowsEachViewerTheObjectivesOfTheirRemitWithAChartAndTheNumbers() throws Exception {
        Api api = api();
        assertEquals(200, evaluate(api, token(api, "operator")).status(), "history for the chart");
        // a job run for the operators' job dashboard (#25), recorded by the jobs' end listener
        String operator = token(api, "operator");
        Reply started = api.post("api/v1/jobs/audit-verify", operator, "{}");
        assertEquals(202, started.status(), started.toString());
        long execution = started.json().getJsonNumber("executionId").longValue();
        JsonObject done = api.awaitJob(operator, execution);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("audit-verify/COMPLETED", Sql.text("select job_name || '/' || batch_status from job_run"
                + " where execution_id = ?", execution));
        assertTrue(Sql.longValue("select count(*) from job_run where execution_id = ? and started_at is not null"
                + " and ended_at >= started_at", execution) == 1, "its start and end");
        Sql.update("delete from user_second_factor where username in ('auditor', 'supervisor')");
        try {
            signInOnThePortal();
        } finally {
            // an enrolled factor would make the API ask these users for a code: the other tests sign in afresh
            Sql.update("delete from user_second_factor where username in ('auditor', 'supervisor')");
            TOKENS.remove("auditor");
            TOKENS.remove("supervisor");
        }
    }

    private void signInOnThePortal() {
        BROWSER.base(base.toString());
        BROWSER.reset();
        signInAndEnroll("auditor");
        BROWSER.open("/admin/index.xhtml");
        BROWSER.find("#governance-slo").click();
        BROWSER.await(driver -> BROWSER.path().startsWith("/admin/governance-slo.xhtml"));
        assertEquals(14, BROWSER.driver().findElements(By.cssSelector("#objectives_data tr")).size());
        assertNotNull(BROWSER.find(".objective-status"));
        assertEquals(List.of(), PageChecks.formLayout(BROWSER, "history").problems(), "the form's layout");
        BROWSER.type("history:objective", "backup.rpo");
        BROWSER.submit("history:show");
        assertNotNull(BROWSER.find("#chart canvas"), "a chart of the stored evaluations");
        assertFalse(BROWSER.driver().findElements(By.cssSelector("#evaluations_data tr .evaluation-value")).isEmpty());
        BROWSER.screenshot("governance-slo-auditor");

        // the job dashboard (auditors read jobs too): today's audit-verify runs, as a chart and its numbers
        BROWSER.open("/admin/jobs.xhtml?job=audit-verify");
        assertNotNull(BROWSER.find("#job-durations canvas"), "a chart of the runs");
        String rows = BROWSER.byId("durations:duration-rows").getText();
        LocalDate today = LocalDate.now(ZoneOffset.UTC); // or yesterday, when UTC midnight passed since the runs
        assertTrue(rows.contains(today.toString()) || rows.contains(today.minusDays(1).toString()), rows);
        assertEquals("audit-verify", BROWSER.byId("durations:job").getAttribute("value"));
        BROWSER.screenshot("jobs-durations");
        // the auditor's pages of #25 on a phone (400 px)
        assertEquals(List.of(), BROWSER.narrow("auditor", "/admin/governance-slo.xhtml", "/sla-dashboard.xhtml",
                "/admin/jobs.xhtml"));

        BROWSER.reset();
        signInAndEnroll("supervisor");
        BROWSER.find("#nav-slo").click();
        BROWSER.await(driver -> BROWSER.path().startsWith("/admin/governance-slo.xhtml"));
        List<String> ids = BROWSER.driver().findElements(By.cssSelector("#objectives_data .objective-id")).stream()
                .map(element -> element.getText().trim()).toList();
        assertEquals(List.of("security.first-response", "security.alerts-open"), ids);
        BROWSER.screenshot("governance-slo-supervisor");
    }

    /** First sign-in of a role that needs a second factor: enroll with the key shown, as PortalIT does. */
    private static void signInAndEnroll(String username) {
        BROWSER.signIn(username);
        BROWSER.await(driver -> !BROWSER.path().startsWith("/login.xhtml"));
        if (BROWSER.path().startsWith("/enroll.xhtml")) {
            BROWSER.enrollSecondFactor();
        }
    }
}
