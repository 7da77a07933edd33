package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.custodian.it.PolicyFixtures.createUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Ticket work over the API (#23): the status WAITING_ON_CUSTOMER, reopen within the window and the follow-up after
 * it, links and merge, the activity history as the policy shows it, canned replies with placeholders.
 */
class TicketWorkIT extends DeployedWar {

    static final String PATCH_TYPE = "application/merge-patch+json";

    @RegisterExtension
    static final Browser BROWSER = new Browser().freshEachTest();

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Reply patch(Api api, String token, long id, String json) {
        return api.send("PATCH", "api/v1/tickets/" + id, token, PATCH_TYPE, json);
    }

    static Reply status(Api api, String token, long id, String status) {
        return patch(api, token, id, "{\"status\":\"" + status + "\"}");
    }

    static Reply comment(Api api, String token, long id, String body, String visibility, String channel) {
        return api.post("api/v1/tickets/" + id + "/comments", token, Json.createObjectBuilder().add("body", body)
                .add("visibility", visibility).add("channel", channel).build().toString());
    }

    static String statusOf(Api api, String token, long id) {
        return api.get("api/v1/tickets/" + id, token).json().getString("status");
    }

    static Reply reopen(Api api, String token, long id, String reason, String... headers) {
        return api.send("POST", "api/v1/tickets/" + id + "/reopen", token, "application/json",
                reason == null ? "{}" : Json.createObjectBuilder().add("reason", reason).build().toString(), headers);
    }

    /** A user of the given role in EU with a token as the IdP would vouch for them. */
    static String user(String name, String role) throws Exception {
        createUser(name, role, "EU");
        return Tokens.forUser(name, role, List.of("EU"));
    }

    @Test
    void waitingOnTheCustomerEndsWithTheirAnswerAndResolvedTicketsReopenOnlyWithinTheWindow() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agent, "EU");
        long id = TestData.createTicket(api, agent, customer, "Waiting " + suffix());

        assertEquals(200, status(api, agent, id, "WAITING_ON_CUSTOMER").status());
        assertViolation(status(api, agent, id, "CLOSED"), "status");
        assertViolation(status(api, agent, id, "OPEN"), "status");
        // the agent's own note and an internal e-mail are not the customer's answer
        assertEquals(201, comment(api, agent, id, "Asked for the log file", "PUBLIC", "AGENT").status());
        assertEquals(201, comment(api, agent, id, "Forwarded internally", "INTERNAL", "EMAIL").status());
        assertEquals("WAITING_ON_CUSTOMER", statusOf(api, agent, id));
        Reply answer = comment(api, agent, id, "Here is the log", "PUBLIC", "EMAIL");
        assertEquals(201, answer.status(), answer.toString());
        assertEquals("IN_PROGRESS", statusOf(api, agent, id), "the customer's answer takes the ticket back into work");
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'TICKET_UPDATE' and"
                + " resource_id = ? and fields like 'reason=comment:%,status=WAITING_ON_CUSTOMER->IN_PROGRESS'",
                String.valueOf(id)));

        assertEquals(200, status(api, agent, id, "RESOLVED").status());
        Reply plain = status(api, agent, id, "IN_PROGRESS");
        assertViolation(plain, "status");
        assertTrue(plain.body().contains("reopen"), plain.toString());
        JsonObject option = api.get("api/v1/tickets/" + id + "/reopen", agent).json();
        assertEquals("REOPEN", option.getString("applies"));
        assertEquals(14, option.getInt("windowDays"));
        assertViolation(reopen(api, agent, id, null), "reason");
        assertProblem(reopen(api, agent, id, "Still broken", "If-Match", "\"0\""), 412);
        assertProblem(reopen(api, api.token("agent.us"), id, "Not my region"), 403);
        assertProblem(reopen(api, api.token("auditor"), id, "Not my job"), 403);
        Reply reopened = reopen(api, agent, id, "The customer says it is still broken");
        assertEquals(200, reopened.status(), reopened.toString());
        assertEquals("IN_PROGRESS", reopened.json().getString("status"));
        assertFalse(reopened.json().containsKey("resolvedAt") && !reopened.json().isNull("resolvedAt"));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'TICKET_REOPEN' and"
                + " resource_id = ? and fields like 'reason=comment:%,status=RESOLVED->IN_PROGRESS'", String.valueOf(id)));
        assertTrue(api.get("api/v1/tickets/" + id + "/comments", agent).body()
                .contains("Reopened: The customer says it is still broken"), "the reason is an internal comment");
        assertViolation(reopen(api, agent, id, "Again"), "status");

        // closed long ago: a follow-up, not a reopen
        assertEquals(200, status(api, agent, id, "RESOLVED").status());
        assertEquals(200, status(api, agent, id, "CLOSED").status());
        assertEquals("REOPEN", api.get("api/v1/tickets/" + id + "/reopen", agent).json().getString("applies"),
                "a closed ticket reopens within the window too");
        Sql.update("update ticket set created_at = now() - interval '40 days', resolved_at = now() - interval"
                + " '20 days' where id = ?", id);
        assertEquals("FOLLOW_UP", api.get("api/v1/tickets/" + id + "/reopen", agent).json().getString("applies"));
        Reply late = reopen(api, agent, id, "Still broken");
        assertViolation(late, "status");
        assertTrue(late.body().contains("follow-up"), late.toString());
        assertViolation(api.post("api/v1/tickets/" + id + "/follow-up", agent, "{}"), "description");
        Reply followUp = api.post("api/v1/tickets/" + id + "/follow-up", agent,
                "{\"description\":\"The printer broke again\"}");
        assertEquals(201, followUp.status(), followUp.toString());
        long next = followUp.json().getJsonNumber("id").longValue();
        assertTrue(followUp.header("Location").orElseThrow().endsWith("/api/v1/tickets/" + next), followUp.toString());
        assertEquals("OPEN", followUp.json().getString("status"));
        JsonObject oldLink = api.get("api/v1/tickets/" + id + "/links", agent).array().getJsonObject(0);
        assertEquals(next, oldLink.getJsonNumber("ticketId").longValue());
        assertEquals("FOLLOW_UP", oldLink.getString("kind"));
        assertFalse(oldLink.getBoolean("outgoing"));
        assertTrue(api.get("api/v1/tickets/" + next + "/links", agent).array().getJsonObject(0)
                .getBoolean("outgoing"));
    }

    @Test
    void relatedTicketsAreLinkedAndADuplicateIsMergedKeepingItsCommentsAndTheTrail() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long customer = TestData.createCustomer(api, agent, "EU");
        long survivor = TestData.createTicket(api, agent, customer, "Survivor " + suffix());
        long duplicate = TestData.createTicket(api, agent, customer, "Duplicate " + suffix());
        String agentUs = api.token("agent.us");
        long usTicket = TestData.createTicket(api, agentUs, TestData.createCustomer(api, agentUs, "US"), "US");

        Reply linked = api.post("api/v1/tickets/" + survivor + "/links", agent, "{\"ticketId\":" + duplicate + "}");
        assertEquals(201, linked.status(), linked.toString());
        assertProblem(api.post("api/v1/tickets/" + survivor + "/links", agent, "{\"ticketId\":" + duplicate + "}"),
                409);
        assertViolation(api.post("api/v1/tickets/" + survivor + "/links", agent, "{\"ticketId\":" + survivor + "}"),
                "ticketId");
        assertViolation(api.post("api/v1/tickets/" + survivor + "/links", agent, "{}"), "ticketId");
        assertProblem(api.post("api/v1/tickets/" + survivor + "/links", agent, "{\"ticketId\":987654321}"), 404);
        assertProblem(api.post("api/v1/tickets/" + survivor + "/links", agent, "{\"ticketId\":" + usTicket + "}"),
                403);
        assertEquals("RELATED", api.get("api/v1/tickets/" + duplicate + "/links", agent).array().getJsonObject(0)
                .getString("kind"));
        assertEquals(204, api.send("DELETE", "api/v1/tickets/" + survivor + "/links/" + duplicate, agent, null, null)
                .status());
        assertProblem(api.send("DELETE", "api/v1/tickets/" + survivor + "/links/" + duplicate, agent, null, null), 404);
        assertEquals(0, api.get("api/v1/tickets/" + survivor + "/links", agent).array().size());

        String marker = "Duplicate's comment " + suffix();
        long commentId = comment(api, agent, duplicate, marker, "PUBLIC", "AGENT").json().getJsonNumber("id")
                .longValue();
        long before = Sql.longValue("select max(sequence) from audit_event");
        String trailBefore = Sql.text("select string_agg(hash, ',' order by sequence) from audit_event where"
                + " resource_id like ?", duplicate + "%");
        assertViolation(api.post("api/v1/tickets/" + survivor + "/merge", agent,
                "{\"duplicateId\":" + duplicate + "}"), "reason");
        assertViolation(api.post("api/v1/tickets/" + survivor + "/merge", agent,
                "{\"duplicateId\":" + survivor + ",\"reason\":\"same\"}"), "duplicateId");
        assertProblem(api.post("api/v1/tickets/" + survivor + "/merge", agent,
                "{\"duplicateId\":" + usTicket + ",\"reason\":\"same\"}"), 403);
        assertProblem(api.post("api/v1/tickets/" + survivor + "/merge", api.token("auditor"),
                "{\"duplicateId\":" + duplicate + ",\"reason\":\"same\"}"), 403);
        Reply merged = api.post("api/v1/tickets/" + survivor + "/merge", agent,
                "{\"duplicateId\":" + duplicate + ",\"reason\":\"The customer wrote twice\"}");
        assertEquals(200, merged.status(), merged.toString());

        assertEquals("CLOSED", statusOf(api, agent, duplicate));
        JsonObject pointer = api.get("api/v1/tickets/" + duplicate + "/links", agent).array().getJsonObject(0);
        assertEquals("DUPLICATE", pointer.getString("kind"));
        assertEquals(survivor, pointer.getJsonNumber("ticketId").longValue());
        assertTrue(pointer.getBoolean("outgoing"), "the duplicate points to the survivor");
        JsonArray comments = api.get("api/v1/tickets/" + survivor + "/comments", agent).array();
        JsonObject kept = comments.stream().map(JsonObject.class::cast)
                .filter(one -> one.getJsonNumber("id").longValue() == commentId).findFirst().orElseThrow();
        assertEquals(duplicate, kept.getJsonNumber("ticketId").longValue(), "shown on the survivor, from the duplicate");
        assertViolation(api.post("api/v1/tickets/" + survivor + "/merge", agent,
                "{\"duplicateId\":" + duplicate + ",\"reason\":\"again\"}"), "duplicateId");
        // the trail is not rewritten: the duplicate's earlier events are as they were, the merge is new events
        assertEquals(trailBefore, Sql.text("select string_agg(hash, ',' order by sequence) from audit_event where"
                + " resource_id like ? and sequence <= ?", duplicate + "%", before));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'TICKET_MERGE' and"
                + " resource_id = ? and fields = ? and sequence > ?", String.valueOf(survivor),
                "duplicate=" + duplicate, before));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'TICKET_UPDATE' and"
                + " resource_id = ? and fields like ? and sequence > ?", String.valueOf(duplicate),
                "status=OPEN->CLOSED,survivor=" + survivor, before));
    }

    @Test
    void theHistoryShowsWhoChangedWhatAsThePolicyShowsItToEachReader() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String supervisor = user("it.sup." + suffix(), "SUPERVISOR");
        String privacy = api.token("privacy");
        long customer = TestData.createCustomer(api, agent, "EU");
        long id = TestData.createTicket(api, agent, customer, "History " + suffix());
        assertEquals(200, patch(api, agent, id, "{\"priority\":\"HIGH\",\"siteCode\":\"BER-01\"}").status());
        assertEquals(200, patch(api, agent, id, "{\"subject\":\"History renamed\"}").status());
        assertEquals(201, comment(api, agent, id, "Called the customer", "PUBLIC", "PHONE").status());

        Reply current = api.get("api/v1/policy/classifications/ticket.siteCode", privacy);
        String etag = current.header("ETag").orElseThrow();
        Reply changed = api.send("PUT", "api/v1/policy/classifications/ticket.siteCode", privacy, "application/json",
                "{\"classification\":\"RESTRICTED\",\"reason\":\"IT: sites reveal VIP customers\"}", "If-Match", etag);
        assertEquals(200, changed.status(), changed.toString());
        try {
            Reply agentView = api.get("api/v1/tickets/" + id + "/history", agent);
            assertEquals(200, agentView.status(), agentView.toString());
            JsonArray entries = agentView.array();
            assertEquals("TICKET_CREATE", entries.getJsonObject(0).getString("action"));
            assertEquals("agent.eu", entries.getJsonObject(0).getString("actor"));
            JsonObject first = entries.getJsonObject(1);
            assertEquals("TICKET_UPDATE", first.getString("action"));
            JsonArray changes = first.getJsonArray("changes");
            assertEquals(1, changes.size(), "a RESTRICTED field is hidden from agents: " + changes);
            assertEquals("priority", changes.getJsonObject(0).getString("field"));
            assertEquals("NORMAL", changes.getJsonObject(0).getString("from"));
            assertEquals("HIGH", changes.getJsonObject(0).getString("to"));
            JsonObject subject = entries.getJsonObject(2).getJsonArray("changes").getJsonObject(0);
            assertEquals("subject", subject.getString("field"));
            assertTrue(!subject.containsKey("to") || subject.isNull("to"), "a personal field's value is not shown");
            assertEquals("COMMENT_CREATE", entries.getJsonObject(3).getString("action"));
            assertFalse(agentView.body().contains("hmac"), "keyed hashes stay in the trail: " + agentView);
            assertFalse(agentView.body().contains("History renamed"));

            Reply supervisorView = api.get("api/v1/tickets/" + id + "/history", supervisor);
            JsonArray supervisorChanges = supervisorView.array().getJsonObject(1).getJsonArray("changes");
            assertEquals(2, supervisorChanges.size(), "a supervisor sees RESTRICTED masked: " + supervisorChanges);
            JsonObject site = supervisorChanges.getJsonObject(1);
            assertEquals("siteCode", site.getString("field"));
            assertTrue(!site.containsKey("to") || site.isNull("to"), "a masked field is named without values");
            assertFalse(supervisorView.body().contains("BER-01"));
            assertFalse(supervisorView.body().contains("hmac"));
        } finally {
            String now = api.get("api/v1/policy/classifications/ticket.siteCode", privacy).header("ETag").orElseThrow();
            assertEquals(200, api.send("PUT", "api/v1/policy/classifications/ticket.siteCode", privacy,
                    "application/json", "{\"classification\":\"INTERNAL\",\"reason\":\"IT: restore\"}", "If-Match", now)
                    .status());
        }
        // reading the history is a read in the trail, like the ticket's own
        assertTrue(Sql.longValue("select count(*) from audit_event where action = 'TICKET_READ' and resource_id = ?"
                + " and actor = 'agent.eu' and fields like '%history%'", id + "/history") >= 1);
        // another region's agent sees the operational changes only, as on the ticket itself
        Reply foreign = api.get("api/v1/tickets/" + id + "/history", api.token("agent.us"));
        assertEquals(200, foreign.status(), foreign.toString());
        assertTrue(foreign.body().contains("\"priority\""), foreign.toString());
        assertFalse(foreign.body().contains("\"subject\""), "a personal field is hidden there: " + foreign);
        assertProblem(api.get("api/v1/tickets/" + id + "/history", api.token("operator")), 403);
    }

    @Test
    void teamLeadsKeepCannedRepliesAndAgentsFillThemWithWhatTheyMaySee() throws Exception {
        Api api = api();
        String s = suffix();
        String lead = user("it.lead." + s, "SUPERVISOR");
        String agentName = "it.agent." + s;
        String agent = user(agentName, "AGENT");
        String outsider = user("it.other." + s, "AGENT");
        long teamId = Sql.longValue("select nextval('team_seq')");
        String team = "it-macros-" + s;
        Sql.update("insert into team (id, team_key, name, region, created_at, changed_at) values (?, ?, ?, 'EU', now(),"
                + " now())", teamId, team, "IT macros " + s);
        Sql.update("insert into team_member (team_id, username) values (?, ?)", teamId, agentName);
        long usTeam = Sql.longValue("select nextval('team_seq')");
        Sql.update("insert into team (id, team_key, name, region, created_at, changed_at) values (?, ?, ?, 'US', now(),"
                + " now())", usTeam, "it-us-" + s, "IT US " + s);

        String body = "Hello {{customer.name}},\nabout ticket {{ticket.id}} ({{ ticket.subject }}).\n{{agent.name}}";
        String create = Json.createObjectBuilder().add("team", team).add("name", "Greeting").add("body", body).build()
                .toString();
        assertProblem(api.post("api/v1/macros", agent, create), 403);
        assertViolation(api.post("api/v1/macros", lead, Json.createObjectBuilder().add("team", team).add("name", "X")
                .add("body", "Hi {{customer.email}}").build().toString()), "body");
        assertViolation(api.post("api/v1/macros", lead, Json.createObjectBuilder().add("team", "no-such-" + s)
                .add("name", "X").add("body", "Hi").build().toString()), "team");
        assertProblem(api.post("api/v1/macros", lead, Json.createObjectBuilder().add("team", "it-us-" + s)
                .add("name", "X").add("body", "Hi").build().toString()), 403);
        Reply created = api.post("api/v1/macros", lead, create);
        assertEquals(201, created.status(), created.toString());
        long macro = created.json().getJsonNumber("id").longValue();
        assertProblem(api.post("api/v1/macros", lead, create), 409);

        assertTrue(api.get("api/v1/macros", agent).body().contains("\"name\":\"Greeting\""));
        assertFalse(api.get("api/v1/macros", outsider).body().contains(team), "only the team's own macros");

        long customer = TestData.createCustomer(api, agent, "EU");
        String customerName = api.get("api/v1/customers/" + customer, lead).json().getString("name");
        long ticket = TestData.createTicket(api, agent, customer, "Macro " + s);
        Reply filled = api.get("api/v1/macros/" + macro + "/filled/" + ticket, agent);
        assertEquals(200, filled.status(), filled.toString());
        String text = filled.json().getString("text");
        assertFalse(text.contains(customerName), "an agent sees the name masked: " + text);
        assertTrue(text.startsWith("Hello ") && !text.startsWith("Hello ,"), "the masked name is filled in: " + text);
        assertTrue(text.contains("about ticket " + ticket + " ("), text);
        assertTrue(text.endsWith("IT AGENT"), "the agent's display name: " + text);
        assertEquals(0, filled.json().getJsonArray("notes").size());
        assertTrue(Sql.text("select fields from audit_event where action = 'CUSTOMER_READ' and actor = ? order by"
                + " sequence desc limit 1", agentName).contains("name~masked"), "the fill is a read in the trail");
        String leadText = api.get("api/v1/macros/" + macro + "/filled/" + ticket, lead).json().getString("text");
        assertTrue(leadText.contains(customerName), "a supervisor sees the name in full: " + leadText);
        assertProblem(api.get("api/v1/macros/" + macro + "/filled/" + ticket, outsider), 404);

        Reply renamed = api.send("PATCH", "api/v1/macros/" + macro, lead, "application/json", "{\"name\":\"Hello\"}");
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("Hello", renamed.json().getString("name"));
        assertProblem(api.send("DELETE", "api/v1/macros/" + macro, agent, null, null), 403);
        assertEquals(204, api.send("DELETE", "api/v1/macros/" + macro, lead, null, null).status());
        assertProblem(api.get("api/v1/macros/" + macro + "/filled/" + ticket, agent), 404);
        assertEquals(3, Sql.longValue("select count(*) from audit_event where resource_type = 'MACRO' and"
                + " resource_id = ? and action in ('MACRO_CREATE', 'MACRO_CHANGE', 'MACRO_DELETE')", String.valueOf(macro)));
    }

    /**
     * In the portal: an agent reopens a resolved ticket with a reason, sees it in the activity history, is warned
     * (not overwritten) when someone else changed the ticket after the page was loaded, and fills the comment box
     * from a canned reply.
     */
    @Test
    void anAgentReopensIsWarnedOfSomeoneElsesChangeAndFillsACommentFromACannedReply() throws Exception {
        Api api = api();
        String s = suffix();
        String agent = api.token("agent.eu");
        String lead = user("it.lead." + s, "SUPERVISOR");
        String colleagueName = "it.colleague." + s;
        String colleague = user(colleagueName, "AGENT");
        long customer = TestData.createCustomer(api, agent, "EU");
        long id = TestData.createTicket(api, agent, customer, "Portal work " + s);
        assertEquals(200, status(api, agent, id, "RESOLVED").status());
        Reply macro = api.post("api/v1/macros", lead, Json.createObjectBuilder().add("team", "eu-support")
                .add("name", "Thanks " + s).add("body", "Thank you, we are on ticket {{ticket.id}}.").build()
                .toString());
        assertEquals(201, macro.status(), macro.toString());

        BROWSER.signIn("agent.eu");
        BROWSER.open("/ticket.xhtml?id=" + id);
        String window = BROWSER.byId("reopen:reopen-window").getText();
        assertTrue(window.contains("can be reopened until") && !window.contains("0}")
                && window.matches("(?s).*\\d{4}.*"), window);
        BROWSER.driver().executeScript("document.getElementById('reopen').scrollIntoView()");
        BROWSER.screenshot("ticket-reopen");
        BROWSER.type("reopen:reason", "The customer called: still broken");
        BROWSER.submit("reopen:reopen-button");
        assertEquals("IN_PROGRESS", statusOf(api, agent, id));
        assertTrue(BROWSER.path().contains("id=" + id), "back on the ticket: " + BROWSER.path());
        assertTrue(BROWSER.byId("history").getText().contains("reopened the ticket"), BROWSER.byId("history").getText());
        assertTrue(BROWSER.byId("history").getText().contains("Status: Resolved → In progress"),
                BROWSER.byId("history").getText());
        BROWSER.driver().executeScript("document.getElementById('history').scrollIntoView()");
        BROWSER.screenshot("ticket-history");

        // someone else changes the ticket between loading and saving: a warning, nothing overwritten
        assertEquals(200, patch(api, colleague, id, "{\"priority\":\"HIGH\"}").status());
        new Select(BROWSER.byId("status:newStatus")).selectByValue("WAITING_ON_CUSTOMER");
        BROWSER.submit("status:change");
        String warning = BROWSER.byId("stale-warning").getText();
        assertTrue(warning.contains(colleagueName + " changed this ticket at ") && warning.contains("since you opened it"),
                warning);
        assertEquals("IN_PROGRESS", statusOf(api, agent, id), "the stale change was not saved");
        BROWSER.driver().executeScript("window.scrollTo(0, 0)");
        BROWSER.screenshot("ticket-stale-warning");
        BROWSER.byId("stale-reload").click();
        BROWSER.await(driver -> driver.findElements(By.id("stale-warning")).isEmpty());
        assertEquals("High", BROWSER.byId("field-priority").getText(), "the reload shows the change, in words (#23)");

        new Select(BROWSER.byId("macro:selected")).selectByVisibleText("Thanks " + s + " (eu-support)");
        BROWSER.submit("macro:use");
        assertEquals("Thank you, we are on ticket " + id + ".", BROWSER.byId("comment:body").getAttribute("value"));
        BROWSER.driver().executeScript("document.getElementById('macro').scrollIntoView()");
        BROWSER.screenshot("ticket-macro");
    }
}
