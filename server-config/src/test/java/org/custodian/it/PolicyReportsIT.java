package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.custodian.it.PolicyFixtures.createContractor;
import static org.custodian.it.PolicyFixtures.createUser;
import static org.custodian.it.PolicyFixtures.customer;
import static org.custodian.it.PolicyFixtures.ids;
import static org.custodian.it.PolicyFixtures.suffix;
import static org.custodian.it.PolicyFixtures.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * Accountability, black-box over HTTP: access reports say who read which personal data on which basis, the
 * records of processing and the DPIA inputs state the policy in force, and repeated denials raise an alert that
 * opens a security ticket. Each test makes its own data and puts back any policy it changes.
 */
class PolicyReportsIT extends DeployedWar {

    // ---------------------------------------------------------------- access reports

    @Test
    void accessReportsSayWhoReadWhichPersonalDataOnWhichBasis() throws Exception {
        Api api = api();
        Instant start = Instant.now().minusSeconds(2);
        String agentEu = api.token("agent.eu");
        long customerId = customer(api, agentEu, "EU");
        long ticketId = ticket(api, agentEu, customerId, "Report " + suffix(), "Mail me: report@example.com",
                "SOFTWARE");
        api.get("api/v1/tickets/" + ticketId, agentEu);
        api.get("api/v1/tickets/" + ticketId, api.token("supervisor"));
        api.get("api/v1/tickets/" + ticketId, api.token("agent.us"));
        api.get("api/v1/customers/" + customerId, api.token("privacy"));
        String auditor = api.token("auditor");
        String window = "from=" + start + "&to=" + Instant.now().plusSeconds(60);

        JsonObject byUser = api.get("api/v1/reports/access?" + window + "&groupBy=user", auditor).json();
        JsonObject agentRow = row(byUser, "agent.eu");
        assertTrue(agentRow.getJsonNumber("fieldsMasked").longValue() >= 1, agentRow.toString());
        assertTrue(agentRow.getJsonObject("bases").getJsonNumber("OWN_REGION").longValue() >= 1, agentRow.toString());
        assertTrue(row(byUser, "agent.us").getJsonObject("bases").containsKey("NO_TRANSFER_RULE"));
        JsonObject restricted = api.get("api/v1/reports/access?" + window + "&classification=RESTRICTED&groupBy=role",
                auditor).json();
        assertTrue(restricted.getJsonArray("rows").toString().contains("PRIVACY_OFFICER"), restricted.toString());
        assertFalse(restricted.getJsonArray("rows").toString().contains("\"AGENT\""),
                "agents never see RESTRICTED data: " + restricted);

        Reply csv = api.send("GET", "api/v1/reports/access?" + window + "&groupBy=region", auditor, null, null,
                "Accept", "text/csv");
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().startsWith("region,reads,users,"), csv.body());
        assertTrue(csv.body().contains("\r\nEU,"), csv.body());

        JsonObject report = api.get("api/v1/reports/access/tickets/" + ticketId, api.token("privacy")).json();
        assertFalse(report.getBoolean("truncated"), report.toString());
        JsonArray history = report.getJsonArray("accesses");
        String seen = history.toString();
        assertTrue(history.stream().map(JsonValue::asJsonObject).anyMatch(a -> a.getString("actor").equals("agent.eu")
                && a.getString("action").equals("TICKET_READ") && a.getJsonArray("maskedFields").toString()
                .contains("description")), seen);
        assertTrue(history.stream().map(JsonValue::asJsonObject).anyMatch(a -> a.getString("actor")
                .equals("supervisor") && a.getJsonArray("fields").toString().contains("description")), seen);
        assertTrue(seen.contains("NO_TRANSFER_RULE"), seen);

        assertProblem(api.get("api/v1/reports/access?" + window, agentEu), 403);
        assertViolation(api.get("api/v1/reports/access?" + window + "&groupBy=weekday", auditor), "groupBy");
        assertViolation(api.get("api/v1/reports/access?to=" + Instant.now(), auditor), "from");
        assertTrue(Sql.longValue("select count(*) from audit_event where action = 'REPORT_ACCESS' and actor ="
                + " 'auditor'") >= 3, "reports are audited");
    }

    @Test
    void recordsOfProcessingAndDpiaInputsStateThePolicyInForce() throws Exception {
        Api api = api();
        String privacy = api.token("privacy");
        String auditor = api.token("auditor");
        String marker = suffix();
        long privacyReportsBefore = Sql.longValue("select count(*) from audit_event where action = 'REPORT_PRIVACY'");
        // a reason that would be markup if the document did not escape it
        Reply rule = api.post("api/v1/policy/transfers", privacy, "{\"fromRegion\":\"CA\",\"toRegion\":\"UK\","
                + "\"basis\":\"ADEQUACY\",\"reason\":\"<b>Adequacy</b> decision " + marker + "\"}");
        assertEquals(201, rule.status(), rule.toString());
        long ruleId = rule.json().getJsonNumber("id").longValue();
        try {
            JsonObject records = api.get("api/v1/privacy/records-of-processing", privacy).json();
            JsonObject confidential = records.getJsonArray("categoriesOfPersonalData").stream()
                    .map(JsonValue::asJsonObject).filter(c -> c.getString("classification").equals("CONFIDENTIAL"))
                    .findFirst().orElseThrow();
            // the categories and recipients are the live catalog and matrix
            List<String> confidentialFields = Sql.texts("select field_key from classification_entry"
                    + " where classification = 'CONFIDENTIAL' order by field_key");
            assertEquals(confidentialFields, strings(confidential.getJsonArray("fields")),
                    confidential.toString());
            assertEquals(Sql.texts("select role from visibility_rule where classification = 'CONFIDENTIAL'"
                    + " and visibility = 'FULL' order by role"), strings(confidential.getJsonArray("recipientsFull")));
            assertTrue(records.getJsonArray("transfers").toString().contains(marker), records.toString());
            assertFalse(records.getJsonArray("purposes").isEmpty());
            assertTrue(records.getJsonArray("securityMeasures").toString().contains("audit trail"));

            Reply html = api.send("GET", "api/v1/privacy/records-of-processing", auditor, null, null,
                    "Accept", "text/html");
            assertEquals(200, html.status(), html.toString());
            assertTrue(html.contentType().startsWith("text/html"), html.contentType());
            assertTrue(html.body().contains("&lt;b&gt;Adequacy&lt;/b&gt; decision " + marker), html.body());
            assertFalse(html.body().contains("<b>Adequacy"), "user text is escaped in the document");

            JsonObject dpia = api.get("api/v1/privacy/dpia-inputs", auditor).json();
            assertEquals(Sql.longValue("select count(*) from customer where region = 'EU'"),
                    dpia.getJsonObject("subjectsPerRegion").getJsonNumber("EU").longValue(), dpia.toString());
            assertEquals(Sql.longValue("select count(*) from ticket_comment"), dpia.getJsonNumber("comments")
                    .longValue());
            JsonObject nationalId = dpia.getJsonArray("fields").stream().map(JsonValue::asJsonObject)
                    .filter(f -> f.getString("field").equals("customer.nationalId")).findFirst().orElseThrow();
            assertEquals("RESTRICTED", nationalId.getString("classification"));
            assertEquals("HIDDEN", nationalId.getJsonObject("visibilityByRole").getString("AGENT"), nationalId.toString());
        } finally {
            assertEquals(200, api.send("DELETE", "api/v1/policy/transfers/" + ruleId, privacy, null, null).status());
        }
        assertProblem(api.get("api/v1/privacy/records-of-processing", api.token("agent.eu")), 403);
        assertProblem(api.get("api/v1/privacy/dpia-inputs", api.token("operator")), 403);
        assertEquals(privacyReportsBefore + 3, Sql.longValue("select count(*) from audit_event where action ="
                + " 'REPORT_PRIVACY' and outcome = 'SUCCESS'"), "every read of the records is audited");
    }

    @Test
    void repeatedDenialsRaiseAnAlertThatOpensASecurityTicket() throws Exception {
        Api api = api();
        String prober = "contractor.probe" + suffix();
        createContractor(prober);
        String token = Tokens.forUser(prober, "CONTRACTOR", List.of("EU"));
        for (int i = 0; i < 7; i++) {
            assertProblem(api.get("api/v1/tickets/" + (1 + i), token), 403);
        }
        String auditor = api.token("auditor");
        assertProblem(api.get("api/v1/alerts", api.token("agent.eu")), 403);
        JsonObject alert = null;
        Instant deadline = Instant.now().plusSeconds(60);
        while (alert == null && Instant.now().isBefore(deadline)) {
            for (JsonValue candidate : api.get("api/v1/alerts", auditor).array()) {
                if (candidate.asJsonObject().getString("actor").equals(prober)) {
                    alert = candidate.asJsonObject();
                }
            }
            Thread.sleep(500);
        }
        assertNotNull(alert, "the detector raised an alert for " + prober);
        assertEquals("REPEATED_DENIALS", alert.getString("rule"));
        assertTrue(alert.getJsonNumber("observed").longValue() > 5, alert.toString());
        long ticketId = alert.getJsonNumber("ticketId").longValue();
        JsonObject ticket = api.get("api/v1/tickets/" + ticketId, api.token("privacy")).json();
        assertEquals("SECURITY", ticket.getString("category"), ticket.toString());
        assertEquals("HIGH", ticket.getString("priority"));
        assertTrue(ticket.getString("subject").contains(prober), ticket.toString());
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'ANOMALY_ALERT'"
                + " and resource_id = ?", String.valueOf(alert.getJsonNumber("id").longValue())),
                "the alert is in the trail, and so goes to the SIEM");
        assertEquals(1, Sql.longValue("select count(*) from alert where actor = ?", prober),
                "one incident, one alert");
        // the alert is about the EU: the EU supervisor sees it, a US supervisor does not
        long alertId = alert.getJsonNumber("id").longValue();
        assertTrue(alertIds(api.get("api/v1/alerts", api.token("supervisor"))).contains(alertId));
        String usSupervisor = "supervisor.us" + suffix();
        createUser(usSupervisor, "SUPERVISOR", "US");
        Reply usAlerts = api.get("api/v1/alerts", Tokens.forUser(usSupervisor, "SUPERVISOR", List.of("US")));
        assertEquals(200, usAlerts.status(), usAlerts.toString());
        assertFalse(alertIds(usAlerts).contains(alertId), "an EU alert is not shown to a US supervisor");

        // an alert may be about the very agent reading it: agents are not even told the ticket exists
        String agentEu = api.token("agent.eu");
        assertProblem(api.get("api/v1/tickets/" + ticketId, agentEu), 404);
        assertProblem(api.get("api/v1/tickets/" + ticketId + "/comments", agentEu), 404);
        assertProblem(api.patch("api/v1/tickets/" + ticketId, agentEu, "{\"priority\":\"LOW\"}"), 404);
        assertFalse(ids(api.get("api/v1/tickets?size=100&q=" + prober, agentEu).json().getJsonArray("items"))
                .contains(ticketId), "agents' searches leave SECURITY tickets out");
        String supervisor = api.token("supervisor");
        assertEquals(200, api.get("api/v1/tickets/" + ticketId, supervisor).status());
        assertTrue(ids(api.get("api/v1/tickets?size=100&q=" + prober, supervisor).json().getJsonArray("items"))
                .contains(ticketId), "supervisors of the region find it");
        // only the detector opens SECURITY tickets and security offices
        long customerId = customer(api, agentEu, "EU");
        assertViolation(api.post("api/v1/tickets", agentEu, Json.createObjectBuilder().add("customerId", customerId)
                .add("subject", "Looks like an alert").add("description", "It is not").add("category", "SECURITY")
                .build().toString()), "category");
        long own = ticket(api, agentEu, customerId, "Ordinary " + suffix(), "Nothing to see", "SOFTWARE");
        assertViolation(api.patch("api/v1/tickets/" + own, agentEu, "{\"category\":\"SECURITY\"}"), "category");
        assertViolation(api.post("api/v1/customers", agentEu, Json.createObjectBuilder()
                .add("externalId", "SECURITY-EU").add("name", "Not the security office").add("region", "EU").build()
                .toString()), "externalId");
    }

    private static List<Long> alertIds(Reply alerts) {
        return alerts.array().stream().map(alert -> alert.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    private static JsonObject row(JsonObject report, String key) {
        for (JsonValue row : report.getJsonArray("rows")) {
            if (row.asJsonObject().getString("key").equals(key)) {
                return row.asJsonObject();
            }
        }
        throw new AssertionError("no row " + key + " in " + report);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
    }
}
