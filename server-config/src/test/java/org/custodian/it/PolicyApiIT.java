package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.custodian.it.PolicyFixtures.createContractor;
import static org.custodian.it.PolicyFixtures.customer;
import static org.custodian.it.PolicyFixtures.ids;
import static org.custodian.it.PolicyFixtures.suffix;
import static org.custodian.it.PolicyFixtures.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * The policy end to end, black-box over HTTP on Payara Micro and PostgreSQL: one label per field decides what
 * each role gets on every output path (reads, lists, search), regions need transfer rules for personal data,
 * contractors need grants, break-glass opens one ticket for a while. Each test makes its own data and puts back
 * any policy it changes, so order does not matter.
 */
class PolicyApiIT extends DeployedWar {

    // ---------------------------------------------------------------- masking by role

    @Test
    void agentsSeeMaskedContactsAndNoRestrictedFieldWhileSupervisorsAndPrivacyOfficersSeeMore() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String suffix = suffix();
        Reply created = api.post("api/v1/customers", agent, Json.createObjectBuilder()
                .add("externalId", "POL-" + suffix).add("name", "Johanna Maria Weber")
                .add("email", "johanna." + suffix + "@example.com").add("phone", "+49 30 5550 1234").add("allowDuplicate", true)
                .add("nationalId", "DE-9988776655").add("region", "EU").build().toString());
        assertEquals(201, created.status(), created.toString());
        assertFalse(created.body().contains("johanna." + suffix), "the reply to the writer is masked too: " + created);
        long customerId = created.json().getJsonNumber("id").longValue();

        JsonObject asAgent = api.get("api/v1/customers/" + customerId, agent).json();
        assertEquals("j***@example.com", asAgent.getString("email"));
        assertEquals("+** ** **** **34", asAgent.getString("phone"));
        assertEquals("J. M. W.", asAgent.getString("name"));
        assertFalse(asAgent.containsKey("nationalId"), "RESTRICTED is absent for agents, not null: " + asAgent);
        assertEquals("POL-" + suffix, asAgent.getString("externalId"), "INTERNAL fields are shown in full");

        JsonObject asSupervisor = api.get("api/v1/customers/" + customerId, api.token("supervisor")).json();
        assertEquals("johanna." + suffix + "@example.com", asSupervisor.getString("email"));
        assertEquals("+49 30 5550 1234", asSupervisor.getString("phone"));
        assertEquals("Johanna Maria Weber", asSupervisor.getString("name"));
        assertEquals("********6655", asSupervisor.getString("nationalId"), "RESTRICTED is masked for supervisors");

        JsonObject asPrivacy = api.get("api/v1/customers/" + customerId, api.token("privacy")).json();
        assertEquals("DE-9988776655", asPrivacy.getString("nationalId"));
        assertProblem(api.get("api/v1/customers/" + customerId, api.token("auditor")), 403);

        String fields = Sql.text("select fields from audit_event where action = 'CUSTOMER_READ' and actor = 'agent.eu'"
                + " and outcome = 'SUCCESS' and resource_id = ? order by sequence desc limit 1", String.valueOf(customerId));
        assertTrue(fields.contains("basis=OWN_REGION") && fields.contains("email~masked")
                && !fields.contains("nationalId"), "the trail says what was revealed and how: " + fields);

        // free text: detected PII spans masked for agents, in the ticket and its comments
        long ticketId = ticket(api, agent, customerId, "Callback wanted " + suffix,
                "Please call +49 151 2345 6789 or write to private." + suffix + "@example.org today.", "SOFTWARE");
        JsonObject ticketAsAgent = api.get("api/v1/tickets/" + ticketId, agent).json();
        String description = ticketAsAgent.getString("description");
        assertFalse(description.contains("2345 6789") || description.contains("private." + suffix), description);
        assertTrue(description.contains("p***@example.org") && description.endsWith("today."), description);
        assertEquals(201, api.post("api/v1/tickets/" + ticketId + "/comments", agent,
                "{\"body\":\"Customer asked to use mail " + "other." + suffix + "@example.net instead.\"}").status());
        JsonArray comments = api.get("api/v1/tickets/" + ticketId + "/comments", agent).array();
        assertFalse(comments.toString().contains("other." + suffix), comments.toString());
        assertTrue(api.get("api/v1/tickets/" + ticketId + "/comments", api.token("supervisor")).array().toString()
                .contains("other." + suffix + "@example.net"), "supervisors read comments in full");
        assertTrue(api.get("api/v1/tickets/" + ticketId, api.token("supervisor")).json().getString("description")
                .contains("private." + suffix + "@example.org"));
    }

    // ---------------------------------------------------------------- regions

    @Test
    void personalDataOfAnotherRegionIsHiddenAndAuditedUntilATransferRuleAllowsIt() throws Exception {
        Api api = api();
        String agentEu = api.token("agent.eu");
        String agentUs = api.token("agent.us");
        String privacy = api.token("privacy");
        long customerId = customer(api, agentEu, "EU");
        long ticketId = ticket(api, agentEu, customerId, "Residency " + suffix(), "Nothing personal here.",
                "SOFTWARE");
        long before = maxSequence();

        Reply customer = api.get("api/v1/customers/" + customerId, agentUs);
        assertEquals(200, customer.status(), customer.toString());
        JsonObject hidden = customer.json();
        for (String personal : List.of("name", "email", "phone", "nationalId")) {
            assertFalse(hidden.containsKey(personal), personal + " must be absent: " + hidden);
        }
        assertEquals("EU", hidden.getString("region"));
        JsonObject ticket = api.get("api/v1/tickets/" + ticketId, agentUs).json();
        assertFalse(ticket.containsKey("subject") || ticket.containsKey("description"), ticket.toString());
        assertEquals("OPEN", ticket.getString("status"));
        assertEquals(2, Sql.longValue("select count(*) from audit_event where sequence > ? and actor = 'agent.us'"
                + " and action = 'PERSONAL_DATA_WITHHELD' and outcome = 'DENIED'", before),
                "each withheld read is audited as denied");
        assertProblem(api.patch("api/v1/tickets/" + ticketId, agentUs, "{\"priority\":\"HIGH\"}"), 403);

        assertProblem(api.post("api/v1/policy/transfers", agentEu,
                "{\"fromRegion\":\"EU\",\"toRegion\":\"US\",\"basis\":\"SCC\",\"reason\":\"Follow-the-sun support\"}"),
                403);
        assertViolation(api.post("api/v1/policy/transfers", privacy,
                "{\"fromRegion\":\"EU\",\"toRegion\":\"EU\",\"basis\":\"SCC\",\"reason\":\"Follow-the-sun support\"}"),
                "toRegion");
        assertViolation(api.post("api/v1/policy/transfers", privacy,
                "{\"fromRegion\":\"EU\",\"toRegion\":\"US\",\"basis\":\"TRUST_ME\",\"reason\":\"Follow-the-sun\"}"),
                "basis");
        Reply rule = api.post("api/v1/policy/transfers", privacy, "{\"fromRegion\":\"EU\",\"toRegion\":\"US\","
                + "\"basis\":\"SCC\",\"reason\":\"Follow-the-sun support, SCC ref card 4111 1111 1111 1111\"}");
        assertFalse(rule.body().contains("4111 1111 1111 1111"), "reasons keep no card numbers: " + rule);
        assertEquals(201, rule.status(), rule.toString());
        long ruleId = rule.json().getJsonNumber("id").longValue();
        try {
            JsonObject allowed = api.get("api/v1/customers/" + customerId, agentUs).json();
            assertTrue(allowed.getString("email").startsWith("c***@"), "an agent still sees it masked: " + allowed);
            assertFalse(allowed.containsKey("nationalId"));
            assertTrue(Sql.text("select fields from audit_event where action = 'CUSTOMER_READ' and actor = 'agent.us'"
                    + " and outcome = 'SUCCESS' order by sequence desc limit 1").contains("basis=TRANSFER_RULE#" + ruleId));
            assertTrue(api.get("api/v1/policy/transfers", agentUs).array().toString().contains("\"SCC\""));
        } finally {
            assertEquals(200, api.send("DELETE", "api/v1/policy/transfers/" + ruleId, privacy, null, null).status());
        }
        assertFalse(api.get("api/v1/customers/" + customerId, agentUs).json().containsKey("email"),
                "a revoked rule stops the transfer at the next request");
        assertProblem(api.send("DELETE", "api/v1/policy/transfers/" + ruleId, privacy, null, null), 422);
    }

    // ---------------------------------------------------------------- contractors

    @Test
    void contractorsSeeOnlyWhatAnActiveGrantCoversAndNothingOnceItEndsOrIsRevoked() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String supervisor = api.token("supervisor");
        String contractorName = "contractor.it" + suffix();
        createContractor(contractorName);
        String contractor = Tokens.forUser(contractorName, "CONTRACTOR", List.of("EU"));
        long customerId = customer(api, agent, "EU");
        String marker = "gr" + suffix();
        long network = ticket(api, agent, customerId, "VPN drops " + marker, "Call me: +49 30 1234 5678.", "NETWORK");
        long hardware = ticket(api, agent, customerId, "Laptop " + marker, "Battery swollen.", "HARDWARE");

        assertProblem(api.get("api/v1/tickets/" + network, contractor), 403);
        assertProblem(api.get("api/v1/tickets?q=" + marker, contractor), 403);

        String grant = grant(contractorName, Instant.now().plus(Duration.ofDays(7)));
        assertProblem(api.post("api/v1/access/grants", agent, grant), 403);
        assertViolation(api.post("api/v1/access/grants", supervisor,
                grant(contractorName, Instant.now().plus(Duration.ofDays(91)))), "expiresAt");
        assertViolation(api.post("api/v1/access/grants", supervisor,
                grant.replace(contractorName, "agent.eu")), "grantee");
        assertProblem(api.post("api/v1/access/grants", supervisor, grant.replace("[\"EU\"]", "[\"US\"]")), 403);
        Reply granted = api.post("api/v1/access/grants", supervisor, grant);
        assertEquals(201, granted.status(), granted.toString());
        assertEquals("ACTIVE", granted.json().getString("state"));
        long grantId = granted.json().getJsonNumber("id").longValue();

        JsonObject seen = api.get("api/v1/tickets/" + network, contractor).json();
        assertTrue(seen.getString("description").contains("**"), "contractors see personal data masked: " + seen);
        assertProblem(api.get("api/v1/tickets/" + hardware, contractor), 403);
        JsonObject listed = api.get("api/v1/tickets?q=" + marker, contractor).json();
        assertEquals(1, listed.getJsonNumber("total").longValue(), "only the granted category is listed");
        assertEquals(network, listed.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(201, api.post("api/v1/tickets/" + network + "/comments", contractor,
                "{\"body\":\"Reset the tunnel on the concentrator.\"}").status(), "contractors work granted tickets");
        assertProblem(api.patch("api/v1/tickets/" + network, contractor, "{\"category\":\"HARDWARE\",\"priority\":"
                + "\"HIGH\"}"), 403);
        assertEquals("NETWORK", Sql.text("select category from ticket where id = ?", network));
        assertEquals("NORMAL", Sql.text("select priority from ticket where id = ?", network),
                "a refused move out of the grant changes nothing");
        assertEquals(200, api.patch("api/v1/tickets/" + network, contractor, "{\"priority\":\"HIGH\"}").status());
        assertTrue(Sql.text("select fields from audit_event where action = 'TICKET_READ' and actor = ?"
                + " and outcome = 'SUCCESS' order by sequence desc limit 1", contractorName).contains("basis=GRANT#" + grantId));
        JsonArray own = api.get("api/v1/access/grants", contractor).array();
        assertEquals(1, own.size(), "a contractor lists their own grants only");
        assertProblem(api.get("api/v1/access/grants?grantee=contractor", contractor), 403);

        // the grant ends: the next request is refused, whatever the token says
        Sql.update("update access_grant set starts_at = now() - interval '2 days', expires_at = now() - interval"
                + " '1 second' where id = ?", grantId);
        assertProblem(api.get("api/v1/tickets/" + network, contractor), 403);
        assertProblem(api.get("api/v1/tickets?q=" + marker, contractor), 403);

        Reply second = api.post("api/v1/access/grants", supervisor, grant);
        long secondId = second.json().getJsonNumber("id").longValue();
        assertEquals(200, api.get("api/v1/tickets/" + network, contractor).status());
        Reply revoked = api.send("DELETE", "api/v1/access/grants/" + secondId + "?reason=outage%20over", supervisor,
                null, null);
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals("REVOKED", revoked.json().getString("state"));
        assertProblem(api.get("api/v1/tickets/" + network, contractor), 403);
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'GRANT_REVOKE'"
                + " and resource_id = ? and actor = 'supervisor'", String.valueOf(secondId)));
    }

    // ---------------------------------------------------------------- break-glass

    @Test
    void breakGlassOpensOneTicketInFullUntilItExpiresAndTellsThePrivacyOfficer() throws Exception {
        Api api = api();
        String agentUs = api.token("agent.us");
        String supervisor = api.token("supervisor");
        String privacy = api.token("privacy");
        long customerId = customer(api, agentUs, "US");
        String secretMail = "urgent." + suffix() + "@example.com";
        long ticketId = ticket(api, agentUs, customerId, "Outage at NYC", "Reach the site lead at " + secretMail,
                "NETWORK");

        assertFalse(api.get("api/v1/tickets/" + ticketId, supervisor).json().containsKey("description"),
                "an EU supervisor sees no US personal data by default");
        String body = "{\"ticketId\":" + ticketId + ",\"justification\":\"Site outage, customer unreachable by"
                + " phone\",\"minutes\":30}";
        assertProblem(api.post("api/v1/access/overrides", agentUs, body), 403);
        assertViolation(api.post("api/v1/access/overrides", supervisor, body.replace("Site outage, customer"
                + " unreachable by phone", "because")), "justification");
        assertViolation(api.post("api/v1/access/overrides", supervisor, body.replace("30}", "241}")), "minutes");
        assertProblem(api.post("api/v1/access/overrides", supervisor, body.replace(String.valueOf(ticketId),
                "999999999")), 404);

        Reply opened = api.post("api/v1/access/overrides", supervisor, body);
        assertEquals(201, opened.status(), opened.toString());
        long overrideId = opened.json().getJsonNumber("id").longValue();
        JsonObject full = api.get("api/v1/tickets/" + ticketId, supervisor).json();
        assertEquals("Reach the site lead at " + secretMail, full.getString("description"));
        assertTrue(Sql.text("select fields from audit_event where action = 'TICKET_READ' and actor = 'supervisor'"
                + " and outcome = 'SUCCESS' and resource_id = ? order by sequence desc limit 1", String.valueOf(ticketId))
                .contains("basis=BREAK_GLASS#" + overrideId), "reads under the override are tagged");
        String overrideEvent = Sql.text("select fields from audit_event where action = 'OVERRIDE_CREATE' and"
                + " resource_id = ?", String.valueOf(overrideId));
        assertTrue(overrideEvent.matches(".*justification=hmac:[0-9a-f]{32}.*") && !overrideEvent.contains("Site outage"),
                "audited with the justification's keyed hash, never its text: " + overrideEvent);

        JsonArray notifications = api.get("api/v1/notifications", privacy).array();
        assertTrue(notifications.stream().map(JsonValue::asJsonObject).anyMatch(n -> n.getString("topic")
                .equals("BREAK_GLASS") && n.getString("resourceId").equals(String.valueOf(ticketId))),
                notifications.toString());
        assertFalse(api.get("api/v1/notifications", agentUs).array().toString().contains("BREAK_GLASS"),
                "notifications go to privacy officers only");
        assertTrue(ids(api.get("api/v1/access/overrides?state=active", privacy).array()).contains(overrideId));
        assertProblem(api.get("api/v1/access/overrides?state=sometime", privacy), 422);

        // time passes: the override ends by itself
        Sql.update("update access_override set starts_at = now() - interval '1 hour', expires_at = now() - interval"
                + " '1 second' where id = ?", overrideId);
        assertFalse(api.get("api/v1/tickets/" + ticketId, supervisor).json().containsKey("description"));
        assertTrue(ids(api.get("api/v1/access/overrides?state=expired", privacy).array()).contains(overrideId));
        assertFalse(ids(api.get("api/v1/access/overrides?state=active", privacy).array()).contains(overrideId));
    }

    // ---------------------------------------------------------------- side doors

    @Test
    void searchFindsOnlyWhatTheCallerCanSeeAndCountsAgree() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String supervisor = api.token("supervisor");
        String marker = "sd" + suffix();
        String hiddenMail = "hidden." + marker + "@example.org";
        long customerId = customer(api, agent, "EU");
        long withMail = ticket(api, agent, customerId, "Mail bounce " + marker, "Reply to " + hiddenMail, "SOFTWARE");
        ticket(api, agent, customerId, "Other " + marker, "Nothing personal.", "SOFTWARE");

        assertEquals(0, total(api, "q=hidden." + marker, agent), "an agent cannot find text inside a masked span");
        assertEquals(0, total(api, "q=" + hiddenMail, agent));
        assertEquals(1, total(api, "q=hidden." + marker, supervisor), "a supervisor sees it, so finds it");
        assertEquals(2, total(api, "q=" + marker, agent), "visible text still matches");
        assertTrue(total(api, "q=h***@example.org", agent) >= 1, "the masked form the agent sees matches");
        JsonObject page = api.get("api/v1/tickets?q=" + marker + "&size=1", agent).json();
        assertEquals(2, page.getJsonNumber("total").longValue());
        assertEquals(1, page.getJsonArray("items").size());

        // another region without a transfer rule: operational fields list, personal text neither shows nor matches
        String agentUs = api.token("agent.us");
        assertEquals(0, total(api, "q=" + marker + "&region=EU", agentUs), "hidden text never matches");
        JsonObject foreign = api.get("api/v1/tickets?region=EU&size=100", agentUs).json();
        assertTrue(foreign.getJsonNumber("total").longValue() >= 2);
        for (JsonValue item : foreign.getJsonArray("items")) {
            assertFalse(item.asJsonObject().containsKey("subject"), item.toString());
        }
        assertTrue(Sql.longValue("select count(*) from audit_event where actor = 'agent.us' and action ="
                + " 'PERSONAL_DATA_WITHHELD'") >= 1);
        assertEquals(withMail, api.get("api/v1/tickets?q=hidden." + marker, supervisor).json().getJsonArray("items")
                .getJsonObject(0).getJsonNumber("id").longValue());
    }

    // ---------------------------------------------------------------- policy as data

    @Test
    void aClassificationOrMatrixChangeTakesEffectAtOnceIsVersionedAndAudited() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String privacy = api.token("privacy");
        long customerId = customer(api, agent, "EU");
        long ticketId = ticket(api, agent, customerId, "Reclassify " + suffix(), "d", "SOFTWARE");
        assertEquals("NORMAL", api.get("api/v1/tickets/" + ticketId, agent).json().getString("priority"));

        JsonArray catalog = api.get("api/v1/policy/classifications", agent).array();
        Set<String> keys = new HashSet<>();
        catalog.forEach(entry -> keys.add(entry.asJsonObject().getString("field")));
        assertTrue(keys.containsAll(Set.of("customer.email", "customer.nationalId", "ticket.description",
                "comment.body")), keys.toString());
        Reply current = api.get("api/v1/policy/classifications/ticket.priority", agent);
        assertEquals("INTERNAL", current.json().getString("classification"));
        String etag = current.header("ETag").orElseThrow();

        String change = "{\"classification\":\"RESTRICTED\",\"reason\":\"Priority reveals VIP customers (DPIA-7)\"}";
        assertProblem(api.send("PUT", "api/v1/policy/classifications/ticket.priority", agent, "application/json",
                change), 403);
        assertViolation(api.send("PUT", "api/v1/policy/classifications/ticket.priority", privacy, "application/json",
                "{\"classification\":\"RESTRICTED\"}"), "reason");
        assertViolation(api.send("PUT", "api/v1/policy/classifications/ticket.priority", privacy, "application/json",
                "{\"classification\":\"SECRETISH\",\"reason\":\"Priority reveals VIP customers\"}"), "classification");
        assertProblem(api.send("PUT", "api/v1/policy/classifications/ticket.nonsense", privacy, "application/json",
                change), 404);
        long before = maxSequence();
        Reply changed = api.send("PUT", "api/v1/policy/classifications/ticket.priority", privacy, "application/json",
                change, "If-Match", etag);
        assertEquals(200, changed.status(), changed.toString());
        try {
            assertEquals(current.json().getJsonNumber("version").longValue() + 1,
                    changed.json().getJsonNumber("version").longValue());
            assertProblem(api.send("PUT", "api/v1/policy/classifications/ticket.priority", privacy,
                    "application/json", change, "If-Match", etag), 412);
            assertFalse(api.get("api/v1/tickets/" + ticketId, agent).json().containsKey("priority"),
                    "the next read already follows the new label");
            assertEquals(1, Sql.longValue("select count(*) from audit_event where sequence > ? and action ="
                    + " 'CLASSIFICATION_CHANGE' and resource_id = 'ticket.priority' and actor = 'privacy'"
                    + " and fields like '%to=RESTRICTED%'", before));
            JsonObject latest = api.get("api/v1/policy/history?limit=5", agent).array().getJsonObject(0);
            assertEquals("ticket.priority", latest.getString("target"));
            assertEquals("INTERNAL", latest.getString("from"));
            assertEquals("RESTRICTED", latest.getString("to"));
            assertEquals("privacy", latest.getString("changedBy"));
            assertTrue(latest.getString("reason").contains("DPIA-7"));
        } finally {
            assertEquals(200, api.send("PUT", "api/v1/policy/classifications/ticket.priority", privacy,
                    "application/json", "{\"classification\":\"INTERNAL\",\"reason\":\"Restore after the test\"}")
                    .status());
        }

        JsonObject matrix = api.get("api/v1/policy/matrix", agent).json();
        // #23: agents see CONFIDENTIAL masked and may reveal single fields with a reason (V80's default)
        assertEquals("REVEALABLE", matrix.getJsonObject("roles").getJsonObject("AGENT").getString("CONFIDENTIAL"));
        assertEquals("HIDDEN", matrix.getJsonObject("roles").getJsonObject("AUDITOR").getString("CONFIDENTIAL"));
        String customerEmail = api.get("api/v1/customers/" + customerId, api.token("supervisor")).json()
                .getString("email");
        Reply widened = api.send("PUT", "api/v1/policy/matrix/AGENT/CONFIDENTIAL", privacy, "application/json",
                "{\"visibility\":\"FULL\",\"reason\":\"Pilot: agents handle callbacks directly\"}");
        assertEquals(200, widened.status(), widened.toString());
        try {
            assertEquals(customerEmail, api.get("api/v1/customers/" + customerId, agent).json().getString("email"));
            assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'VISIBILITY_CHANGE'"
                    + " and resource_id = 'AGENT:CONFIDENTIAL' and sequence > ?", before));
        } finally {
            assertEquals(200, api.send("PUT", "api/v1/policy/matrix/AGENT/CONFIDENTIAL", privacy, "application/json",
                    "{\"visibility\":\"REVEALABLE\",\"reason\":\"Pilot ended, back to default\"}").status());
        }
        assertTrue(api.get("api/v1/customers/" + customerId, agent).json().getString("email").contains("***"));
        assertViolation(api.send("PUT", "api/v1/policy/matrix/JANITOR/CONFIDENTIAL", privacy, "application/json",
                "{\"visibility\":\"FULL\",\"reason\":\"No such role exists here\"}"), "role");
    }

    // ---------------------------------------------------------------- helpers

    private static String grant(String grantee, Instant expiresAt) {
        return Json.createObjectBuilder().add("grantee", grantee).add("categories", Json.createArrayBuilder().add("NETWORK"))
                .add("regions", Json.createArrayBuilder().add("EU")).add("expiresAt", expiresAt.toString())
                .add("reason", "VPN outage help").build().toString();
    }

    private static long maxSequence() throws Exception {
        return Sql.longValue("select max(sequence) from audit_event");
    }

    private static long total(Api api, String query, String token) {
        Reply reply = api.get("api/v1/tickets?" + query, token);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonNumber("total").longValue();
    }
}
