package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.custodian.it.PolicyFixtures.customer;
import static org.custodian.it.PolicyFixtures.ids;
import static org.custodian.it.PolicyFixtures.suffix;
import static org.custodian.it.PolicyFixtures.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * Integrations (#22), black-box over HTTP: an operator makes a service account and its keys; a key sees exactly an
 * agent's view within its scopes and regions, is refused what its scopes leave out, stops at its next request once
 * revoked, and is limited in rate; the leaked-key drill lists what a key read.
 */
class ServiceAccountIT extends DeployedWar {

    @Test
    void aKeyReadsAsItsRoleWithinItsScopesIsRevokedAtOnceAndIsRateLimited() throws Exception {
        Api api = api();
        // operator tokens need a second factor at our own sign-in: take one from the IdP, as the other ITs do
        String operator = Tokens.forUser("operator", "OPERATOR", List.of());
        String agentEu = api.token("agent.eu");
        String marker = "keyed" + suffix();
        long euCustomer = customer(api, agentEu, "EU");
        long euTicket = ticket(api, agentEu, euCustomer, "Printer " + marker, "Mail me: " + marker + "@example.com",
                "HARDWARE");
        String agentUs = api.token("agent.us");
        long usTicket = ticket(api, agentUs, customer(api, agentUs, "US"), "Printer " + marker, "US side",
                "HARDWARE");

        // the operator makes the account: tickets:read in the EU; bad input is refused by name
        String name = "erp-" + suffix();
        assertViolation(api.post("api/v1/service-accounts", operator, "{\"name\":\"" + name
                + "\",\"scopes\":[\"tickets:read\",\"tickets:delete\"],\"regions\":[\"EU\"]}"), "scopes");
        assertViolation(api.post("api/v1/service-accounts", operator, "{\"name\":\"" + name
                + "\",\"scopes\":[\"tickets:read\"],\"regions\":[\"MARS\"]}"), "regions");
        assertProblem(api.post("api/v1/service-accounts", agentEu, "{\"name\":\"" + name
                + "\",\"scopes\":[\"tickets:read\"],\"regions\":[\"EU\"]}"), 403);
        Reply created = api.post("api/v1/service-accounts", operator, "{\"name\":\"" + name
                + "\",\"description\":\"ERP sync\",\"scopes\":[\"tickets:read\"],\"regions\":[\"EU\"]}");
        assertEquals(201, created.status(), created.toString());
        assertEquals("[\"AGENT\"]", created.json().getJsonArray("roles").toString());
        assertProblem(api.post("api/v1/service-accounts", operator, "{\"name\":\"" + name
                + "\",\"scopes\":[\"tickets:read\"],\"regions\":[\"EU\"]}"), 409);

        // an account never signs in with a password, under its name or its caller name
        assertProblem(api.login(name, Api.DEMO_PASSWORD), 401);
        assertProblem(api.login("svc:" + name, Api.DEMO_PASSWORD), 401);

        // key 1: shown once
        Reply first = api.post("api/v1/service-accounts/" + name + "/keys", operator, "{}");
        assertEquals(201, first.status(), first.toString());
        String key1 = first.json().getString("key");
        String key1Id = first.json().getString("keyId");
        assertTrue(key1.startsWith("cst_" + key1Id + "_"), key1);
        assertFalse(api.get("api/v1/service-accounts/" + name, operator).body().contains(key1.substring(17)),
                "the secret is never shown again");

        // it lists tickets as an agent of the EU sees them: the EU ticket, masked; not the US one
        Reply listed = api.get("api/v1/tickets?q=" + marker, key1);
        assertEquals(200, listed.status(), listed.toString());
        Set<Long> found = ids(listed.json().getJsonArray("items"));
        assertTrue(found.contains(euTicket), listed.toString());
        assertFalse(found.contains(usTicket), listed.toString());
        assertEquals(ids(api.get("api/v1/tickets?q=" + marker, agentEu).json().getJsonArray("items")), found);
        JsonObject asKey = api.get("api/v1/tickets/" + euTicket, key1).json();
        JsonObject asAgent = api.get("api/v1/tickets/" + euTicket, agentEu).json();
        assertFalse(asKey.toString().contains(marker + "@example.com"), "masked as an agent sees it: " + asKey);
        assertEquals(asAgent.get("description"), asKey.get("description"));
        assertTrue(listed.header("RateLimit-Policy").orElse("").contains("\"credential\";q=120;w=60"),
                "keys get the default for keys: " + listed.raw().headers().map().toString());
        assertTrue(listed.header("RateLimit").orElse("").contains("\"credential\";r="), listed.raw().headers().map().toString());

        // what the scope leaves out is refused, though an agent could do it
        assertProblem(api.post("api/v1/tickets", key1, "{\"customerId\":" + euCustomer
                + ",\"subject\":\"From the ERP\",\"description\":\"x\",\"category\":\"HARDWARE\"}"), 403);
        assertProblem(api.get("api/v1/customers/" + euCustomer, key1), 403);

        // key 2 for the changeover, with a tiny rate limit; a third live key is refused
        Reply second = api.post("api/v1/service-accounts/" + name + "/keys", operator, "{\"rateLimit\":5}");
        assertEquals(201, second.status(), second.toString());
        String key2 = second.json().getString("key");
        assertProblem(api.post("api/v1/service-accounts/" + name + "/keys", operator, "{}"), 409);

        // key 1 revoked: refused at its very next request; key 2 works
        Reply revoked = api.send("DELETE", "api/v1/service-accounts/" + name + "/keys/" + key1Id, operator, null,
                null);
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals("REVOKED", revoked.json().getString("state"));
        Reply refused = api.get("api/v1/tickets?q=" + marker, key1);
        assertProblem(refused, 401);
        assertTrue(refused.json().getString("detail").contains("revoked"), refused.toString());
        Reply byKey2 = api.get("api/v1/tickets/" + euTicket, key2);
        assertEquals(200, byKey2.status(), byKey2.toString());
        assertTrue(byKey2.header("RateLimit-Policy").orElse("").contains("\"credential\";q=5;w=60"),
                byKey2.raw().headers().map().toString());

        // the leaked-key drill: what key 1 read, what it was refused, and that it was tried after revocation
        String auditor = Tokens.forUser("auditor", "AUDITOR", List.of());
        Reply drill = api.get("api/v1/reports/access?credential=" + key1Id, auditor);
        assertEquals(200, drill.status(), drill.toString());
        JsonObject report = drill.json();
        assertEquals(name, report.getString("account"));
        assertTrue(report.getJsonNumber("reads").longValue() >= 2, report.toString());
        assertTrue(report.getJsonNumber("denied").longValue() >= 3, report.toString());
        JsonArray events = report.getJsonArray("events");
        assertTrue(events.stream().map(JsonValue::asJsonObject).anyMatch(e -> e.getString("action")
                .equals("TICKET_READ") && e.getString("resourceId").equals(String.valueOf(euTicket))), report.toString());
        assertTrue(events.stream().map(JsonValue::asJsonObject).anyMatch(e -> e.getString("action")
                .equals("TICKET_SEARCH") && e.getString("kind").equals("READ")), report.toString());
        assertTrue(events.stream().map(JsonValue::asJsonObject).anyMatch(e -> e.getString("action")
                .equals("API_KEY_REJECT")), "the use after revocation is in the trail: " + report);
        assertFalse(report.toString().contains(key1.substring(17)), "the drill never shows a secret");
        assertProblem(api.get("api/v1/reports/access?credential=" + key1Id, agentEu), 403);
        assertViolation(api.get("api/v1/reports/access?credential=not-a-key", auditor), "credential");

        // key 2's tiny limit: 429 with Retry-After and the RateLimit headers
        Reply limited = null;
        for (int i = 0; i < 12 && limited == null; i++) {
            Reply reply = api.get("api/v1/tickets/" + euTicket, key2);
            if (reply.status() == 429) {
                limited = reply;
            } else {
                assertEquals(200, reply.status(), reply.toString());
            }
        }
        assertNotNull(limited, "a key over its limit is refused");
        assertProblem(limited, 429);
        long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(limited.header("RateLimit").orElseThrow().contains("\"credential\";r=0;t="),
                limited.raw().headers().map().toString());
        assertTrue(limited.header("RateLimit-Policy").orElseThrow().contains("\"credential\";q=5;w=60"));

        // a person is limited by the limit for people, and told so on every answer
        Reply person = api.get("api/v1/tickets/" + euTicket, agentEu);
        assertEquals(200, person.status(), person.toString());
        assertTrue(person.header("RateLimit-Policy").orElse("").contains("\"credential\";q="), person.toString());

        // disabling the account stops its keys
        Reply disabled = api.post("api/v1/service-accounts/" + name + "/disable", operator,
                "{\"reason\":\"integration retired\"}");
        assertEquals("DISABLED", disabled.json().getString("state"), disabled.toString());
        assertProblem(api.get("api/v1/tickets/" + euTicket, key2), 401);
        assertProblem(api.get("api/v1/tickets", "cst_aaaaaaaaaaaa_" + "a".repeat(52)), 401);
    }
}
