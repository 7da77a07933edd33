package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * Search at a million tickets (#27), as the policy shows each text: ticket search finds comment bodies as well as
 * subjects and descriptions, but never staff-only comments for those who do not read them, never inside a masked
 * span, never in tickets the caller may not read (another region's text, SECURITY, restricted processing); totals
 * agree with the pages; the directory finds customers by fragments; a search text under 3 characters is refused (422).
 * Each test makes its own tickets, found by a marker of its own.
 */
class SearchIT extends DeployedWar {

    private static String marker() {
        return "srch" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static long customer(Api api, String token, String region) {
        Reply reply = api.post("api/v1/customers", token, Json.createObjectBuilder()
                .add("name", "Search Customer " + marker()).add("region", region).build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static long ticket(Api api, String token, long customerId, String subject, String description,
            String category) {
        Reply reply = api.post("api/v1/tickets", token, Json.createObjectBuilder().add("customerId", customerId)
                .add("subject", subject).add("description", description).add("category", category).build()
                .toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static void comment(Api api, String token, long ticketId, String body, String visibility) {
        Reply reply = api.post("api/v1/tickets/" + ticketId + "/comments", token, Json.createObjectBuilder()
                .add("body", body).add("visibility", visibility).build().toString());
        assertEquals(201, reply.status(), reply.toString());
    }

    private static JsonObject search(Api api, String token, String query) {
        Reply reply = api.get("api/v1/tickets?" + query, token);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static Set<Long> found(Api api, String token, String text) {
        JsonObject page = search(api, token, "size=100&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        Set<Long> ids = new HashSet<>();
        page.getJsonArray("items").forEach(item -> ids.add(item.asJsonObject().getJsonNumber("id").longValue()));
        assertEquals(ids.size(), page.getJsonNumber("total").longValue(), "the total counts what is listed");
        return ids;
    }

    @Test
    void aMergedDuplicatesInternalCommentsStayInternal() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String contractor = api.token("contractor");
        String internalWord = marker();
        long customerId = customer(api, agent, "EU");
        long survivor = ticket(api, agent, customerId, "VPN drops", "Tunnel resets every hour.", "NETWORK");
        long duplicate = ticket(api, agent, customerId, "VPN drops again", "Same tunnel.", "NETWORK");
        comment(api, agent, duplicate, "Staff only: " + internalWord + " is on the watch list.", "INTERNAL");
        Reply merged = api.post("api/v1/tickets/" + survivor + "/merge", agent,
                "{\"duplicateId\":" + duplicate + ",\"reason\":\"The customer wrote twice\"}");
        assertEquals(200, merged.status(), merged.toString());
        assertTrue(api.get("api/v1/tickets/" + survivor + "/comments", agent).body().contains(internalWord),
                "agents read the duplicate's internal comment on the survivor");
        String shown = api.get("api/v1/tickets/" + survivor + "/comments", contractor).body();
        assertFalse(shown.contains(internalWord), "a contractor never reads internal comments: " + shown);
    }

    @Test
    void commentBodiesAreFoundAsTheCallerReadsThem() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String supervisor = api.token("supervisor");
        String contractor = api.token("contractor");
        String word = marker();
        String internalWord = marker();
        String masked = marker();
        long customerId = customer(api, agent, "EU");
        // NETWORK in EU: the demo contractor's grant covers it, so the contractor reads the ticket
        long ticketId = ticket(api, agent, customerId, "VPN drops", "Tunnel resets every hour.", "NETWORK");
        comment(api, agent, ticketId, "Customer says the " + word + " appliance rebooted.", "PUBLIC");
        comment(api, agent, ticketId, "Staff only: " + internalWord + " firmware is suspect.", "INTERNAL");
        comment(api, agent, ticketId, "Call back on " + masked + ".home@example.org please.", "PUBLIC");

        assertEquals(Set.of(ticketId), found(api, agent, word), "a word of a public comment");
        assertEquals(Set.of(ticketId), found(api, agent, word.substring(2, 7)), "a fragment of it");
        assertEquals(Set.of(ticketId), found(api, contractor, word), "the contractor reads the ticket");
        assertEquals(Set.of(ticketId), found(api, agent, internalWord), "agents read internal comments");
        assertEquals(Set.of(), found(api, contractor, internalWord), "contractors never see internal comments");
        assertEquals(Set.of(), found(api, agent, masked), "nothing inside a span masked for the agent");
        assertEquals(Set.of(), found(api, agent, masked + ".home@example.org"));
        assertEquals(Set.of(ticketId), found(api, supervisor, masked), "the supervisor sees the address in full");
        assertEquals(Set.of(), found(api, api.token("agent.us"), word), "another region: not the agent's");
        assertEquals(0, search(api, api.token("agent.us"), "region=EU&q=" + word).getJsonNumber("total")
                .longValue(), "another region without a transfer rule: its texts are hidden, so never matched");
    }

    @Test
    void ticketsTheCallerMayNotReadAreNeverFound() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String supervisor = api.token("supervisor");
        String privacy = api.token("privacy");
        String security = marker();
        String restricted = marker();
        long customerId = customer(api, agent, "EU");
        long alert = ticket(api, agent, customerId, "Alert " + security, "Suspicious sign-ins.", "HARDWARE");
        comment(api, agent, alert, "Comment on " + security + " too.", "PUBLIC");
        Sql.update("update ticket set category = 'SECURITY' where id = ?", alert);
        assertEquals(Set.of(), found(api, agent, security), "agents do not see SECURITY tickets");
        assertEquals(Set.of(alert), found(api, supervisor, security), "supervisors of the region do");

        long restrictedCustomer = customer(api, agent, "EU");
        long held = ticket(api, agent, restrictedCustomer, "Router " + restricted, "Router broken.", "HARDWARE");
        comment(api, agent, held, "More about " + restricted + ".", "PUBLIC");
        assertEquals(Set.of(held), found(api, agent, restricted));
        long request = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"RESTRICTION\",\"customerId\":"
                + restrictedCustomer + "}").json().getJsonNumber("id").longValue();
        api.post("api/v1/privacy/requests/" + request + "/verify", privacy, "{\"method\":\"Signed letter\"}");
        api.post("api/v1/privacy/requests/" + request + "/start", privacy, "{}");
        assertEquals("COMPLETED", api.post("api/v1/privacy/requests/" + request + "/restrict", privacy, "{}").json()
                .getString("status"));
        assertEquals(Set.of(), found(api, agent, restricted), "restricted processing (Art. 18): not found");
        assertEquals(Set.of(held), found(api, privacy, restricted), "privacy officers still find it");
    }

    @Test
    void totalsAgreeWithThePagesAcrossSubjectDescriptionAndComments() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String word = marker();
        long customerId = customer(api, agent, "EU");
        long bySubject = ticket(api, agent, customerId, "About " + word, "Nothing else.", "SOFTWARE");
        long byDescription = ticket(api, agent, customerId, "Plain", "It mentions " + word.toUpperCase() + ".",
                "SOFTWARE");
        long byComments = ticket(api, agent, customerId, "Plain too", "Nothing here.", "SOFTWARE");
        comment(api, agent, byComments, "First " + word, "PUBLIC");
        comment(api, agent, byComments, "Second " + word, "INTERNAL");

        Set<Long> seen = new HashSet<>();
        for (int page = 0; page < 2; page++) {
            JsonObject result = search(api, agent, "size=2&page=" + page + "&q=" + word);
            assertEquals(3, result.getJsonNumber("total").longValue(), "one ticket counted once however many hits");
            assertEquals(page == 0 ? 2 : 1, result.getJsonArray("items").size());
            result.getJsonArray("items").forEach(item -> seen.add(item.asJsonObject().getJsonNumber("id")
                    .longValue()));
        }
        assertEquals(Set.of(bySubject, byDescription, byComments), seen, "the pages neither overlap nor miss one");
    }

    @Test
    void theDirectoryFindsByFragmentsAndTooShortTextsAreRefused() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String supervisor = api.token("supervisor");
        String word = marker();
        String email = "pat." + word + "@example.net";
        String phone = "+49 40 " + (Math.floorMod(word.hashCode(), 9_000_000) + 1_000_000);
        Reply created = api.post("api/v1/customers", agent, Json.createObjectBuilder().add("name", "Pat " + word)
                .add("email", email).add("phone", phone).add("region", "EU").build().toString());
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();

        for (String fragment : List.of(word.substring(3, 9), "pat." + word, phone.substring(7), email)) {
            assertEquals(List.of(id), customers(api, supervisor, fragment), fragment);
        }
        assertEquals(List.of(id), customers(api, agent, email.toUpperCase()), "the agent: the whole address");
        assertEquals(List.of(id), customers(api, agent, phone.replace(" ", "")), "and the whole number");
        assertEquals(List.of(), customers(api, agent, "pat." + word), "but no fragment of what is masked");

        for (String path : List.of("api/v1/tickets?q=ab", "api/v1/customers?q=ab", "api/v1/tickets?q=%20x%20")) {
            // 422 like every other invalid search parameter (size, page, sort): the request is well-formed
            Reply refused = api.get(path, agent);
            assertProblem(refused, 422);
            assertViolation(refused, "q");
            assertTrue(refused.body().contains("at least 3 characters"), refused.toString());
        }
        assertEquals(200, api.get("api/v1/tickets?q=abc", agent).status(), "3 characters are enough");
    }

    private static List<Long> customers(Api api, String token, String text) {
        Reply reply = api.get("api/v1/customers?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8), token);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getJsonNumber("id").longValue()).toList();
    }
}
