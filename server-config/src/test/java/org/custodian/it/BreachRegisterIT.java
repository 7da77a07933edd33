package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The breach register (#25, Art. 33/34), end to end: a breach that is an access names exactly the subjects whose
 * records an agent read in the window (seeded reads through the API, with reads just outside it), the 72-hour clock's
 * warning and deadline fire once each (a breach whose awareness lies 72 hours minus a few seconds back), bad input,
 * wrong roles, unknown ids and repeated decisions as problems, a breach recorded from an anomaly alert, the draft
 * with every value encoded, and the portal page in Chromium (recording from an alert with one click).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BreachRegisterIT extends DeployedWar {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    /** Taken before the browser test enrolls the privacy officer's second factor (the API would ask for a code). */
    private static String privacy;
    private static String agent;
    private static String auditor;
    private static long customerA;
    private static long customerB;
    private static long customerC;
    private static Instant windowStart;
    private static Instant windowEnd;
    private static long accessBreach;
    private static long clockBreach;
    /** One of the backlog's breaches: open and overdue until the end. */
    private static String backlogBreach;
    private static long ticketOfA;

    @AfterAll
    static void forgetFactor() throws Exception {
        Sql.update("delete from user_second_factor where username = 'privacy'");
    }

    private Api tokens() {
        Api api = api();
        if (privacy == null) {
            privacy = api.token("privacy");
            agent = api.token("agent.eu");
            auditor = api.token("auditor");
        }
        return api;
    }

    private static JsonObjectBuilder description(String nature) {
        return Json.createObjectBuilder().add("nature", nature)
                .add("categories", Json.createArrayBuilder().add("contact details").add("support case contents"))
                .add("consequences", "Customers may receive phishing mails.")
                .add("measures", "Account locked; password reset; customers warned.");
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(30); // audit times are the server's clock, the same machine's: a gap makes the window exact
    }

    @Test
    @Order(1)
    void aBreachComputedFromASeededAccessPatternNamesTheRightSubjects() throws Exception {
        Api api = tokens();
        customerA = TestData.createCustomer(api, agent, "EU");
        customerB = TestData.createCustomer(api, agent, "EU");
        customerC = TestData.createCustomer(api, agent, "EU");
        long ticketA1 = TestData.createTicket(api, agent, customerA, "Breach IT A1");
        ticketOfA = ticketA1;
        long ticketA2 = TestData.createTicket(api, agent, customerA, "Breach IT A2");
        long ticketC = TestData.createTicket(api, agent, customerC, "Breach IT C");
        assertEquals(200, api.get("api/v1/customers/" + customerC, agent).status(), "before the window");
        pause();
        windowStart = Instant.now().truncatedTo(ChronoUnit.MICROS);
        pause();
        assertEquals(200, api.get("api/v1/tickets/" + ticketA1, agent).status());
        assertEquals(200, api.get("api/v1/tickets/" + ticketA2, agent).status());
        assertEquals(200, api.get("api/v1/customers/" + customerB, agent).status());
        pause();
        windowEnd = Instant.now().truncatedTo(ChronoUnit.MICROS);
        pause();
        assertEquals(200, api.get("api/v1/tickets/" + ticketC, agent).status(), "after the window");

        Reply created = api.post("api/v1/privacy/breaches", privacy, description("The agent's session was used"
                + " from an unknown device.").add("awareAt", Instant.now().minusSeconds(3600).toString())
                .add("actor", "agent.eu").add("from", windowStart.toString()).add("to", windowEnd.toString())
                .build().toString());
        assertEquals(201, created.status(), created.toString());
        JsonObject breach = created.json();
        accessBreach = breach.getJsonNumber("id").longValue();
        assertTrue(created.header("Location").orElseThrow().endsWith("/privacy/breaches/" + accessBreach));
        JsonObject scope = breach.getJsonObject("scope");
        assertEquals(2, scope.getInt("subjectCount"), breach.toString());
        assertEquals(3, scope.getInt("recordCount"), "two tickets of A and the record of B: " + breach);
        List<String> subjects = scope.getJsonArray("subjects").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getJsonNumber("customerId").longValue() + ":" + s.getInt("records") + ":"
                        + s.getString("region")).toList();
        assertEquals(List.of(customerA + ":2:EU", customerB + ":1:EU"), subjects, "C was read outside only");
        assertEquals(2, breach.getInt("subjects"), "the computed number stands without an approximate one");
        assertEquals("OPEN", breach.getString("status"));
        Instant aware = Instant.parse(breach.getString("awareAt"));
        assertEquals(aware.plus(Duration.ofHours(72)), Instant.parse(breach.getString("dueAt")));
        assertEquals(aware.plus(Duration.ofHours(48)), Instant.parse(breach.getString("warnAt")));

        Reply read = api.get("api/v1/privacy/breaches/" + accessBreach, auditor);
        assertEquals(200, read.status(), "auditors read the register: " + read);
        assertEquals(2, read.json().getJsonObject("scope").getJsonArray("subjects").size());
        // the write and its event, and the report it rests on, are in the trail
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'BREACH_RECORD'"
                + " and resource_id = ? and actor = 'privacy'", String.valueOf(accessBreach)));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'REPORT_ACCESS'"
                + " and resource_id = 'actor/agent.eu' and actor = 'privacy' and fields like ?",
                "%from=" + windowStart + "%"));
    }

    @Test
    @Order(2)
    void theWarningAndTheDeadlineFireOnceEach() throws Exception {
        Api api = tokens();
        // aware 72 hours minus 4 seconds ago: the 48-hour warning is due at once, the deadline in 4 seconds
        Reply created = api.post("api/v1/privacy/breaches", privacy, description("A misdirected export.")
                .add("awareAt", Instant.now().minus(Duration.ofHours(72)).plusSeconds(4).toString()).build()
                .toString());
        assertEquals(201, created.status(), created.toString());
        clockBreach = created.json().getJsonNumber("id").longValue();
        String id = String.valueOf(clockBreach);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Sql.longValue("select count(*) from audit_event where action = 'BREACH_DEADLINE' and resource_id = ?",
                id) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1500); // a second firing, if there were one, would be in by now
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'BREACH_WARNING'"
                + " and resource_id = ? and actor = 'system:breach-timer'", id));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'BREACH_DEADLINE'"
                + " and resource_id = ?", id));
        assertEquals(2, Sql.longValue("select count(*) from notification where resource_type = 'BREACH'"
                + " and resource_id = ? and recipient_role = 'PRIVACY_OFFICER' and topic = 'BREACH_CLOCK'", id));
        JsonObject breach = api.get("api/v1/privacy/breaches/" + id, privacy).json();
        assertNotNull(breach.getString("warningSentAt", null), breach.toString());
        assertNotNull(breach.getString("deadlineSentAt", null), breach.toString());
        assertTrue(breach.getBoolean("overdue"), breach.toString());
    }

    @Test
    @Order(2)
    void aBacklogOfDueBreachesIsHandledAsOneSetEachOnce() throws Exception {
        Api api = tokens();
        // three breaches whose deadlines lie 25 s ahead (their warnings go at once); then, behind the armed timer's
        // back, their deadlines are moved into the past: the wake-up finds a backlog, as after a server outage
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Reply created = api.post("api/v1/privacy/breaches", privacy, description("Backlog " + i + ".")
                    .add("awareAt", Instant.now().minus(Duration.ofHours(72)).plusSeconds(25).toString()).build()
                    .toString());
            assertEquals(201, created.status(), created.toString());
            ids.add(String.valueOf(created.json().getJsonNumber("id").longValue()));
        }
        backlogBreach = ids.get(0);
        String set = "{" + String.join(",", ids) + "}";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Sql.longValue("select count(*) from audit_event where action = 'BREACH_WARNING' and resource_id ="
                + " any (?::text[])", set) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Sql.update("update breach set due_at = now() - interval '1 second', alarm_at = now() - interval '1 second'"
                + " where id::text = any (?::text[])", set);
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Sql.longValue("select count(*) from audit_event where action = 'BREACH_DEADLINE' and resource_id ="
                + " any (?::text[])", set) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1500);
        for (String id : ids) {
            assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'BREACH_DEADLINE'"
                    + " and resource_id = ?", id), "breach " + id + " once");
        }
        // one set: the three events were chained together, one after the other
        long first = Sql.longValue("select min(sequence) from audit_event where action = 'BREACH_DEADLINE' and"
                + " resource_id = any (?::text[])", set);
        long last = Sql.longValue("select max(sequence) from audit_event where action = 'BREACH_DEADLINE' and"
                + " resource_id = any (?::text[])", set);
        assertEquals(2, last - first, "consecutive in the trail: handled as one set");
        assertEquals(0, Sql.longValue("select count(*) from breach where id::text = any (?::text[]) and"
                + " (deadline_sent_at is null or alarm_at is not null)", set), "marked, no alarm left");
    }

    @Test
    @Order(3)
    void badInputWrongRolesUnknownBreachesAndSecondDecisionsAreProblems() throws Exception {
        Api api = tokens();
        String valid = description("Lost laptop.").build().toString();
        assertProblem(api.post("api/v1/privacy/breaches", privacy, "{\"nature\": "), 400);
        assertViolation(api.post("api/v1/privacy/breaches", privacy, "{\"nature\":\"x\"}"), "categories");
        assertViolation(api.post("api/v1/privacy/breaches", privacy, description("x").add("actor", "agent.eu")
                .build().toString()), "from");
        assertViolation(api.post("api/v1/privacy/breaches", privacy, description("x").add("awareAt",
                Instant.now().plus(Duration.ofHours(1)).toString()).build().toString()), "awareAt");
        assertViolation(api.post("api/v1/privacy/breaches", privacy, description("x").add("alertId", 987_654_321L)
                .build().toString()), "alertId");
        assertProblem(api.post("api/v1/privacy/breaches", agent, valid), 403);
        assertProblem(api.post("api/v1/privacy/breaches", auditor, valid), 403);
        assertProblem(api.get("api/v1/privacy/breaches", agent), 403);
        assertProblem(api.get("api/v1/privacy/breaches/" + accessBreach + "/draft", agent), 403);
        assertProblem(api.get("api/v1/privacy/breaches/987654321", privacy), 404);
        assertProblem(api.get("api/v1/privacy/breaches/987654321/draft", privacy), 404);

        String late = "api/v1/privacy/breaches/" + clockBreach + "/authority-notification";
        assertViolation(api.post(late, privacy, "{\"reference\":\"DPA-2026-17\"}"), "delayReason");
        Reply notified = api.post(late, privacy, "{\"reference\":\"DPA-2026-17\",\"delayReason\":"
                + "\"The processor told us only on day three.\"}");
        assertEquals(200, notified.status(), notified.toString());
        assertEquals("NOTIFIED", notified.json().getString("status"));
        assertTrue(notified.json().getBoolean("late"));
        assertProblem(api.post(late, privacy, "{\"reference\":\"DPA-2026-18\"}"), 409);
        assertProblem(api.post("api/v1/privacy/breaches/" + clockBreach + "/no-notification", privacy,
                "{\"reason\":\"Encrypted with a key that was not lost.\"}"), 409);
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'BREACH_AUTHORITY_NOTIFIED'"
                + " and resource_id = ? and fields like '%late=true%'", String.valueOf(clockBreach)));

        Reply decided = api.post("api/v1/privacy/breaches/" + accessBreach + "/subjects-decision", privacy,
                "{\"notifySubjects\":true,\"reason\":\"Contact details and case texts: a high risk of phishing.\"}");
        assertEquals(200, decided.status(), decided.toString());
        assertTrue(decided.json().getBoolean("notifySubjects"));
        Reply patched = api.send("PATCH", "api/v1/privacy/breaches/" + accessBreach, privacy,
                "application/merge-patch+json", "{\"recordsApprox\": 5}");
        assertEquals(200, patched.status(), patched.toString());
        assertEquals(5, patched.json().getInt("records"), "the officer's number stands over the computed one");
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'BREACH_CHANGE'"
                + " and resource_id = ? and fields = 'recordsApprox'", String.valueOf(accessBreach)));
        Reply listed = api.get("api/v1/privacy/breaches?size=500", privacy);
        assertViolation(listed, "size");
        JsonObject page = api.get("api/v1/privacy/breaches", auditor).json();
        assertTrue(page.getJsonNumber("total").longValue() >= 2, page.toString());
    }

    @Test
    @Order(4)
    void aBreachIsRecordedFromAnAnomalyAlertAndOnlyOnce() throws Exception {
        Api api = tokens();
        long alert = seedAlert();
        Reply proposal = api.get("api/v1/privacy/breaches/proposal?alertId=" + alert, privacy);
        assertEquals(200, proposal.status(), proposal.toString());
        assertEquals("agent.eu", proposal.json().getString("actor"));
        assertEquals(windowStart, Instant.parse(proposal.json().getString("from")));
        String body = description("Bulk reads by the agent's account.").add("alertId", alert).build().toString();
        Reply created = api.post("api/v1/privacy/breaches", privacy, body);
        assertEquals(201, created.status(), created.toString());
        assertEquals(2, created.json().getJsonObject("scope").getInt("subjectCount"), created.toString());
        assertEquals(alert, created.json().getJsonNumber("alertId").longValue());
        assertProblem(api.post("api/v1/privacy/breaches", privacy, body), 409);
        assertProblem(api.get("api/v1/privacy/breaches/proposal?alertId=" + alert, privacy), 409);
    }

    /** An alert as the anomaly scan raises them, about the reads of the first test's window. */
    private static long seedAlert() throws Exception {
        return seedAlert(null);
    }

    /** @param ticket the SECURITY ticket the alert opened (null: none) */
    private static long seedAlert(Long ticket) throws Exception {
        long id = 900_000_000L + (long) (Math.random() * 99_000_000);
        Sql.update("insert into alert (id, rule, actor, observed, threshold_value, window_start, window_end,"
                + " last_sequence, detail, ticket_id, created_at) values (?, 'BULK_READ', 'agent.eu', 3, 2,"
                + " ?::timestamptz, ?::timestamptz, 0, 'agent.eu read 3 records in a minute', ?, now())", id,
                windowStart.toString(), windowEnd.toString(), ticket);
        return id;
    }

    @Test
    @Order(5)
    void theDraftHasTheArticle33ItemsWithEveryValueEncoded() {
        Api api = tokens();
        Reply created = api.post("api/v1/privacy/breaches", privacy, description(
                "<script>alert('x')</script> & \"quotes\"").add("subjectsApprox", 40).build().toString());
        assertEquals(201, created.status(), created.toString());
        Reply draft = api.get("api/v1/privacy/breaches/" + created.json().getJsonNumber("id") + "/draft", privacy);
        assertEquals(200, draft.status(), draft.toString());
        assertTrue(draft.contentType().startsWith("text/html"), draft.contentType());
        String html = draft.body();
        assertFalse(html.contains("<script>"), "no markup from a value: " + html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"), html);
        for (String item : List.of("Nature of the breach (Art. 33(3)(a))", "contact point (Art. 33(3)(b))",
                "Likely consequences (Art. 33(3)(c))", "Measures taken or proposed (Art. 33(3)(d))",
                "Categories of personal data", "about 40", "Customers may receive phishing mails.")) {
            assertTrue(html.contains(item), item + " in " + html);
        }
    }

    @Test
    @Order(6)
    void thePrivacyOfficerRecordsABreachFromAnAlertInThePortal() throws Exception {
        tokens();
        long alert = seedAlert();
        Sql.update("delete from user_second_factor where username = 'privacy'");
        BROWSER.base(base.toString());
        BROWSER.reset();
        BROWSER.signIn("privacy");
        assertEquals("/enroll.xhtml", BROWSER.path());
        BROWSER.enrollSecondFactor();

        BROWSER.open("/admin/breaches.xhtml");
        assertTrue(BROWSER.byId("breaches").getText().contains("A misdirected export."));
        // the clocks: every open breach, soonest deadline first, the overdue ones saying by how much
        List<String> shown = BROWSER.driver().findElements(By.cssSelector("#clocks .breach-clock-id")).stream()
                .map(link -> link.getText().replaceAll("\\D", "")).toList();
        assertEquals(Sql.texts("select id::text from breach where status = 'OPEN' order by due_at, id"), shown);
        String clock = BROWSER.driver().findElements(By.cssSelector("#clocks .breach-clock-item")).stream()
                .filter(item -> item.findElement(By.cssSelector(".breach-clock-id")).getText().trim()
                        .equals("No. " + backlogBreach)).findFirst().orElseThrow().getText();
        assertTrue(clock.contains("overdue by"), clock);
        BROWSER.screenshot("breaches-list");
        BROWSER.driver().findElements(By.cssSelector("#alerts a")).stream()
                .filter(link -> link.getAttribute("href").endsWith("alert=" + alert)).findFirst().orElseThrow()
                .click();
        BROWSER.await(driver -> BROWSER.path().endsWith("alert=" + alert));
        assertEquals("agent.eu", BROWSER.byId("record:actor").getAttribute("value"), "filled in from the alert");
        BROWSER.type("record:categories", "contact details, support case contents");
        BROWSER.type("record:consequences", "Phishing of the customers read.");
        BROWSER.type("record:measures", "Account locked.");
        BROWSER.screenshot("breaches-record-from-alert");
        BROWSER.submit("record:submit");
        assertTrue(BROWSER.path().startsWith("/admin/breaches.xhtml?id="), BROWSER.path());
        String scope = BROWSER.byId("breach-scope").getText();
        assertTrue(scope.contains("agent.eu read 3 record(s) of 2 person(s)"), scope);
        BROWSER.screenshot("breaches-detail");
        String id = BROWSER.path().replaceFirst(".*id=", "");
        BROWSER.open("/admin/breach-draft.xhtml?id=" + id);
        assertTrue(BROWSER.driver().getPageSource().contains("Measures taken or proposed (Art. 33(3)(d))"));
        BROWSER.screenshot("breaches-draft");

        // the ticket an alert opened offers the same one click
        long onTicket = seedAlert(ticketOfA);
        BROWSER.open("/ticket.xhtml?id=" + ticketOfA);
        assertTrue(BROWSER.byId("recordBreach").getAttribute("href").endsWith("alert=" + onTicket));
    }
}
