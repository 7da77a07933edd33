package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.custodian.it.Api.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention end to end: policies by category and region, anonymize versus delete, legal holds on a customer, a
 * ticket and a query each blocking, the preview agreeing with what the job then does, a second start refused,
 * stop and restart without duplicates, and the step metrics. Each test uses categories of its own, so the
 * rest of the database is never due under its policies.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionIT {

    private static final Random RANDOM = new Random();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("custodian.it.war")));
    }

    private Api api() {
        return new Api(base);
    }

    @Test
    void policiesAndHoldsDecideAndThePreviewMatchesWhatTheJobDoes() throws Exception {
        Api api = api();
        String privacy = api.token("privacy");
        String agentEu = api.token("agent.eu");
        String agentUs = api.token("agent.us");
        String anonymizeCategory = category();
        String deleteCategory = category();
        long anonymizePolicy = policy(api, privacy, anonymizeCategory, "EU", "ANONYMIZE");
        long deletePolicy = policy(api, privacy, deleteCategory, null, "DELETE");

        long customerEu = customer(api, agentEu, "EU");
        long heldCustomer = customer(api, agentEu, "EU");
        long customerUs = customer(api, agentUs, "US");
        long anonymized = ticket(api, agentEu, customerEu, anonymizeCategory, "Reach me at keep.out@example.com");
        api.post("api/v1/tickets/" + anonymized + "/comments", agentEu, "{\"body\":\"Called back on +49 30 1234567\"}");
        long deleted = ticket(api, agentEu, customerEu, deleteCategory, "Old password reset");
        long heldTicket = ticket(api, agentEu, customerEu, deleteCategory, "Evidence in a dispute");
        long heldByCustomer = ticket(api, agentEu, heldCustomer, anonymizeCategory, "Customer under investigation");
        long heldByQuery = ticket(api, agentUs, customerUs, deleteCategory, "US case");
        long notDueRegion = ticket(api, agentUs, customerUs, anonymizeCategory, "US ticket: policy is EU only");
        List<Long> all = List.of(anonymized, deleted, heldTicket, heldByCustomer, heldByQuery, notDueRegion);
        age(all);

        assertProblem(api.post("api/v1/legal-holds", agentEu, "{\"scope\":\"TICKET\",\"ticketId\":" + heldTicket
                + ",\"reason\":\"Dispute with supplier\",\"authority\":\"Case 2026-117\"}"), 403);
        hold(api, privacy, "{\"scope\":\"TICKET\",\"ticketId\":" + heldTicket
                + ",\"reason\":\"Dispute with supplier\",\"authority\":\"Case 2026-117\"}");
        hold(api, privacy, "{\"scope\":\"CUSTOMER\",\"customerId\":" + heldCustomer
                + ",\"reason\":\"Regulator inquiry\",\"authority\":\"ICO ref 88\"}");
        long queryHold = hold(api, privacy, "{\"scope\":\"QUERY\",\"categories\":[\"" + deleteCategory
                + "\"],\"regions\":[\"US\"],\"reason\":\"Litigation hold US\",\"authority\":\"Court order 5\"}");
        assertViolation(api.post("api/v1/legal-holds", privacy, "{\"scope\":\"QUERY\",\"reason\":\"Everything please\","
                + "\"authority\":\"none\"}"), "query");

        Map<Long, String> preview = previewOutcomes(api, privacy);
        assertEquals("ANONYMIZE", preview.get(anonymized));
        assertEquals("DELETE", preview.get(deleted));
        assertEquals("HOLD", preview.get(heldTicket));
        assertEquals("HOLD", preview.get(heldByCustomer));
        assertEquals("HOLD", preview.get(heldByQuery));
        assertTrue(!preview.containsKey(notDueRegion), "a US ticket is not under the EU-only policy");

        String operator = api.token("operator");
        JsonObject dry = run(api, operator, "{\"dryRun\":true,\"itemCount\":50}");
        assertTrue(dry.getString("exitStatus").startsWith("DRY-RUN "), dry.toString());
        assertEquals(1, Sql.longValue("select count(*) from ticket where id = ?", deleted), "a dry run changes nothing");

        JsonObject execution = run(api, operator, "{\"itemCount\":7}");
        assertEquals("COMPLETED", execution.getString("status"), execution.toString());
        String summary = execution.getString("exitStatus");
        assertTrue(summary.contains(" anonymized=1 ") && summary.contains(" deleted=1 ") && summary.contains(" held=3 ")
                && summary.endsWith(" skipped=0"), summary);
        JsonObject metrics = execution.getJsonArray("steps").getJsonObject(0).getJsonObject("metrics");
        long read = metrics.getJsonNumber("READ_COUNT").longValue();
        assertEquals(5, metrics.getJsonNumber("WRITE_COUNT").longValue(), metrics.toString());
        assertEquals(read - 5, metrics.getJsonNumber("FILTER_COUNT").longValue(), metrics.toString());
        assertTrue(metrics.getJsonNumber("COMMIT_COUNT").longValue() >= read / 7, metrics.toString());
        assertTrue(summary.startsWith("examined=" + read + " "), summary);

        assertEquals("[anonymized]", Sql.text("select subject from ticket where id = ?", anonymized));
        assertEquals(0, Sql.longValue("select count(*) from ticket_comment where ticket_id = ? and body <> '[anonymized]'",
                anonymized));
        assertEquals(anonymizeCategory, Sql.text("select category from ticket where id = ?", anonymized),
                "statistics stay");
        assertEquals(0, Sql.longValue("select count(*) from ticket where id = ?", deleted));
        // an anonymized ticket takes no writes: they would bring personal data back
        assertViolation(api.post("api/v1/tickets/" + anonymized + "/comments", agentEu,
                "{\"body\":\"Call me on +49 30 7654321\"}"), "ticketId");
        String skeleton = Sql.text("select fields from audit_event where action = 'RETENTION_DELETE' and resource_id = ?",
                String.valueOf(deleted));
        assertTrue(skeleton.contains("policy=" + deletePolicy) && !skeleton.contains("password"), skeleton);
        for (long held : List.of(heldTicket, heldByCustomer, heldByQuery, notDueRegion)) {
            assertEquals(1, Sql.longValue("select count(*) from ticket where id = ? and anonymized_at is null", held));
        }

        // releasing the query hold makes its ticket due; the next run deletes it and nothing twice
        Reply released = api.post("api/v1/legal-holds/" + queryHold + "/release", privacy,
                "{\"reason\":\"Case closed by the court\"}");
        assertEquals(200, released.status(), released.toString());
        assertEquals("DELETE", previewOutcomes(api, privacy).get(heldByQuery));
        JsonObject second = run(api, operator, "{}");
        assertTrue(second.getString("exitStatus").contains(" anonymized=0 deleted=1 held=2 "), second.toString());
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'RETENTION_ANONYMIZE'"
                + " and resource_id = ?", String.valueOf(anonymized)), "anonymized once");
        assertTrue(Sql.text("select fields from audit_event where action = 'RETENTION_ANONYMIZE' and resource_id = ?",
                String.valueOf(anonymized)).contains("policy=" + anonymizePolicy));
    }

    @Test
    void aSecondStartIsRefusedAndAStoppedRunResumesWithoutDuplicates() throws Exception {
        Api api = api();
        String privacy = api.token("privacy");
        String agentEu = api.token("agent.eu");
        String operator = api.token("operator");
        String category = category();
        policy(api, privacy, category, null, "ANONYMIZE");
        long customer = customer(api, agentEu, "EU");
        List<Long> tickets = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tickets.add(ticket(api, agentEu, customer, category, "Resumable " + i + " mail x" + i + "@example.org"));
        }
        age(tickets);

        Reply first = api.post("api/v1/jobs/retention-purge", operator, "{\"itemCount\":1}");
        assertEquals(202, first.status(), first.toString());
        long id = first.json().getJsonNumber("executionId").longValue();
        Reply second = api.post("api/v1/jobs/retention-purge", operator, "{}");
        assertProblem(second, 409);
        assertTrue(second.json().getString("detail").contains(String.valueOf(id)), second.toString());

        Reply stop = api.post("api/v1/jobs/executions/" + id + "/stop", operator, null);
        assertTrue(stop.status() == 200 || stop.status() == 409, stop.toString());
        JsonObject stopped = api.awaitJob(operator, id);
        if (stopped.getString("status").equals("STOPPED")) {
            Reply restart = api.post("api/v1/jobs/executions/" + id + "/restart", operator, null);
            assertEquals(202, restart.status(), restart.toString());
            JsonObject resumed = api.awaitJob(operator, restart.json().getJsonNumber("executionId").longValue());
            assertEquals("COMPLETED", resumed.getString("status"), resumed.toString());
            assertProblem(api.post("api/v1/jobs/executions/" + id + "/restart", operator, null), 409);
        }
        for (long ticket : tickets) {
            assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'RETENTION_ANONYMIZE'"
                    + " and resource_id = ?", String.valueOf(ticket)), "ticket " + ticket + " anonymized exactly once");
            assertEquals("[anonymized]", Sql.text("select description from ticket where id = ?", ticket));
        }
        assertProblem(api.post("api/v1/jobs/executions/999999999/restart", operator, null), 404);
        assertViolation(api.post("api/v1/jobs/retention-purge", operator, "{\"asOf\":\"yesterday\"}"), "asOf");
        assertProblem(api.post("api/v1/jobs/retention-purge", api.token("agent.eu"), "{}"), 403);
        // an auditor may verify the trail but not run the job that destroys data
        assertProblem(api.post("api/v1/jobs/retention-purge", api.token("auditor"), "{}"), 403);
        assertViolation(api.post("api/v1/jobs/retention-purge", operator,
                "{\"asOf\":\"" + Instant.now().plusSeconds(86_400 * 400) + "\"}"), "asOf");
    }

    // ---------------------------------------------------------------- helpers

    /** A category only this test uses: upper-case letters, as categories are. */
    @Test
    void subjectRequestsFindEveryRecordOfThePersonAreBlockedByHoldsAndListedWhenDue() throws Exception {
        Api api = api();
        String privacy = api.token("privacy");
        String agentEu = api.token("agent.eu");
        String marker = Long.toHexString(RANDOM.nextLong());
        String email = "Subject." + marker + "@Example.com";
        // the same person stored twice: the address in another case, the phone written another way
        String digits = marker.substring(0, 4).replaceAll("[^0-9]", "1");
        long first = subject(api, agentEu, email, "+49 30 555-" + digits);
        long second = subject(api, agentEu, email.toLowerCase(java.util.Locale.ROOT), null);

        Reply registered = api.post("api/v1/privacy/requests", privacy, Json.createObjectBuilder()
                .add("type", "ERASURE").add("email", email.toUpperCase(java.util.Locale.ROOT)).build().toString());
        assertEquals(201, registered.status(), registered.toString());
        JsonObject request = registered.json();
        long id = request.getJsonNumber("id").longValue();
        String subjects = request.getJsonArray("subjectCustomerIds").toString();
        assertTrue(subjects.contains(String.valueOf(first)) && subjects.contains(String.valueOf(second)), request.toString());
        assertEquals("RECEIVED", request.getString("status"));
        assertEquals(Instant.parse(request.getString("receivedAt")).plus(java.time.Duration.ofDays(30)),
                Instant.parse(request.getString("dueAt")));

        Reply byNumber = api.post("api/v1/privacy/requests", privacy, Json.createObjectBuilder()
                .add("type", "ACCESS").add("phone", "+49 (30) 555 " + digits).build().toString());
        assertEquals(201, byNumber.status(), byNumber.toString());
        String phoneSubjects = byNumber.json().getJsonArray("subjectCustomerIds").toString();
        assertTrue(phoneSubjects.contains(String.valueOf(first)) && !phoneSubjects.contains(String.valueOf(second)),
                "the phone matches whatever separators were typed: " + phoneSubjects);

        assertViolation(api.post("api/v1/privacy/requests/" + id + "/start", privacy, "{}"), "status");
        JsonObject verified = api.post("api/v1/privacy/requests/" + id + "/verify", privacy,
                "{\"method\":\"ID card checked by video call\"}").json();
        assertEquals("VERIFIED", verified.getString("status"), verified.toString());

        long holdId = hold(api, privacy, "{\"scope\":\"CUSTOMER\",\"customerId\":" + second
                + ",\"reason\":\"Fraud investigation\",\"authority\":\"Case " + marker + "\"}");
        JsonObject blocked = api.post("api/v1/privacy/requests/" + id + "/start", privacy, "{}").json();
        assertEquals("BLOCKED_BY_HOLD", blocked.getString("status"), blocked.toString());
        assertEquals(holdId, blocked.getJsonNumber("blockingHoldId").longValue());
        assertEquals(200, api.post("api/v1/legal-holds/" + holdId + "/release", privacy,
                "{\"reason\":\"Investigation closed\"}").status());
        JsonObject started = api.post("api/v1/privacy/requests/" + id + "/start", privacy, "{}").json();
        assertEquals("IN_PROGRESS", started.getString("status"), started.toString());
        assertTrue(!started.containsKey("blockingHoldId") || started.isNull("blockingHoldId"), started.toString());
        erasureIsCarriedOutWithAReceiptAndSurvivesARestore(api, privacy, agentEu, id, first, second, email, digits);
        assertViolation(api.post("api/v1/privacy/requests/" + id + "/reject", privacy, "{\"reason\":\"late\"}"),
                "status");

        // received 40 days ago by letter: overdue; received 25 days ago: due within a week until extended
        long late = register(api, privacy, second, Instant.now().minus(java.time.Duration.ofDays(40)));
        long soon = register(api, privacy, second, Instant.now().minus(java.time.Duration.ofDays(25)));
        assertTrue(ids(api.get("api/v1/privacy/requests?overdue=true", privacy)).contains(late));
        assertTrue(!ids(api.get("api/v1/privacy/requests?overdue=true", privacy)).contains(soon));
        assertTrue(ids(api.get("api/v1/privacy/requests?dueWithinDays=7", privacy)).contains(soon));
        JsonObject extended = api.post("api/v1/privacy/requests/" + soon + "/extend", privacy,
                "{\"reason\":\"Records in three systems; subject told\"}").json();
        assertTrue(extended.getString("extensionReason").startsWith("Records"), extended.toString());
        assertTrue(!ids(api.get("api/v1/privacy/requests?dueWithinDays=7", privacy)).contains(soon));
        assertViolation(api.post("api/v1/privacy/requests/" + soon + "/extend", privacy, "{\"reason\":\"again\"}"),
                "reason");

        assertViolation(api.get("api/v1/privacy/requests?dueWithinDays=soon", privacy), "dueWithinDays");
        assertViolation(api.get("api/v1/privacy/requests?dueWithinDays=400", privacy), "dueWithinDays");
        assertProblem(api.get("api/v1/privacy/requests", agentEu), 403);
        assertProblem(api.get("api/v1/privacy/requests/" + id, api.token("auditor")), 403);
        assertProblem(api.get("api/v1/privacy/requests/99999999", privacy), 404);
        assertViolation(api.post("api/v1/privacy/requests", privacy, "{\"type\":\"FORGET_ME\",\"customerId\":"
                + first + "}"), "type");
        assertViolation(api.post("api/v1/privacy/requests", privacy, "{\"type\":\"ACCESS\"}"), "subject");
        assertEquals(5, Sql.longValue("select count(*) from audit_event where resource_id = ? and action in"
                + " ('PRIVACY_REQUEST_NEW', 'PRIVACY_REQUEST_VERIFY', 'PRIVACY_REQUEST_ERASE_BLOCKED',"
                + " 'PRIVACY_REQUEST_ERASE', 'PRIVACY_REQUEST_RECEIPT')", String.valueOf(id)), "every step is audited");
        assertEquals(3, Sql.longValue("select count(*) from audit_event where action = 'PRIVACY_REQUEST_START' and"
                + " resource_id = ?", String.valueOf(id)));
        for (String personal : List.of(email.toLowerCase(java.util.Locale.ROOT), "555" + digits)) {
            assertEquals(0, Sql.longValue("select count(*) from audit_event where resource_type = 'PRIVACY_REQUEST'"
                    + " and (lower(coalesce(fields, '')) like ? or lower(coalesce(resource_id, '')) like ?)",
                    "%" + personal + "%", "%" + personal + "%"), "no e-mail address or phone number in the trail");
        }
    }

    @Test
    void aRestrictionHidesTheSubjectUntilLiftedAndAWithdrawnConsentRemovesTranscriptsButNotHeldOnes()
            throws Exception {
        Api api = api();
        String privacy = api.token("privacy");
        String agentEu = api.token("agent.eu");
        String operator = api.token("operator");
        String marker = "Restrict" + Long.toHexString(RANDOM.nextLong());
        long restricted = subject(api, agentEu, marker + ".r@example.com", null);
        long other = subject(api, agentEu, marker + ".o@example.com", null);
        long hidden = personalTicket(api, agentEu, restricted, marker + " hidden", "Router broken");
        long shown = personalTicket(api, agentEu, other, marker + " shown", "Router broken");

        long request = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"RESTRICTION\",\"customerId\":"
                + restricted + "}").json().getJsonNumber("id").longValue();
        api.post("api/v1/privacy/requests/" + request + "/verify", privacy, "{\"method\":\"Signed letter\"}");
        assertEquals("IN_PROGRESS", api.post("api/v1/privacy/requests/" + request + "/start", privacy, "{}").json()
                .getString("status"));
        assertViolation(api.post("api/v1/privacy/requests/" + request + "/complete", privacy,
                "{\"outcome\":\"by hand\"}"), "type");
        assertViolation(api.post("api/v1/privacy/requests/" + request + "/erase", privacy, "{}"), "type");
        JsonObject done = api.post("api/v1/privacy/requests/" + request + "/restrict", privacy, "{}").json();
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        JsonObject restriction = api.get("api/v1/privacy/requests/" + request + "/restrictions", privacy).array()
                .getJsonObject(0);
        assertEquals(restricted, restriction.getJsonNumber("customerId").longValue());
        assertTrue(restriction.getBoolean("active"), restriction.toString());

        Reply refused = api.get("api/v1/tickets/" + hidden, agentEu);
        assertProblem(refused, 403);
        assertTrue(refused.body().contains("Art. 18"), refused.toString());
        assertProblem(api.get("api/v1/customers/" + restricted, agentEu), 403);
        assertProblem(api.post("api/v1/tickets/" + hidden + "/comments", agentEu, "{\"body\":\"hello\"}"), 403);
        assertProblem(api.post("api/v1/tickets", agentEu, Json.createObjectBuilder().add("customerId", restricted)
                .add("subject", "New").add("description", "New").add("category", "BILLING").build().toString()), 403);
        String found = api.get("api/v1/tickets?q=" + marker, agentEu).body();
        assertTrue(found.contains("\"id\":" + shown) && !found.contains("\"id\":" + hidden), found);
        assertEquals(200, api.get("api/v1/tickets/" + hidden, privacy).status(), "privacy officers still see it");
        assertTrue(Sql.longValue("select count(*) from audit_event where action = 'TICKET_READ' and outcome ="
                + " 'DENIED' and resource_id = ?", String.valueOf(hidden)) >= 1, "refusals are audited");

        assertViolation(api.post("api/v1/privacy/requests/" + request + "/lift", privacy, "{}"), "reason");
        Reply lifted = api.post("api/v1/privacy/requests/" + request + "/lift", privacy,
                "{\"reason\":\"Accuracy confirmed; subject told on 2026-11-24\"}");
        assertEquals(200, lifted.status(), lifted.toString());
        assertEquals(200, api.get("api/v1/tickets/" + hidden, agentEu).status());
        assertTrue(api.get("api/v1/tickets?q=" + marker, agentEu).body().contains("\"id\":" + hidden));
        assertViolation(api.post("api/v1/privacy/requests/" + request + "/lift", privacy,
                "{\"reason\":\"again\"}"), "status");

        // rectification: corrected in place, before and after in the trail as keyed hashes only
        long fix = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"RECTIFICATION\",\"customerId\":"
                + other + "}").json().getJsonNumber("id").longValue();
        api.post("api/v1/privacy/requests/" + fix + "/verify", privacy, "{\"method\":\"Video call\"}");
        api.post("api/v1/privacy/requests/" + fix + "/start", privacy, "{}");
        String corrected = marker.toLowerCase(java.util.Locale.ROOT) + ".corrected@example.com";
        assertViolation(api.post("api/v1/privacy/requests/" + fix + "/rectify", privacy, "{\"customerId\":"
                + restricted + ",\"email\":\"" + corrected + "\"}"), "customerId");
        assertViolation(api.post("api/v1/privacy/requests/" + fix + "/rectify", privacy, "{\"customerId\":"
                + other + ",\"email\":\"not an address\"}"), "email");
        Reply rectified = api.post("api/v1/privacy/requests/" + fix + "/rectify", privacy, "{\"customerId\":"
                + other + ",\"email\":\"" + corrected + "\",\"phone\":\"+49 30 1234567\"}");
        assertEquals(200, rectified.status(), rectified.toString());
        assertEquals(List.of("email", "phone"), rectified.json().getJsonArray("changedFields")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(corrected, api.get("api/v1/customers/" + other, privacy).json().getString("email"));
        String trail = Sql.text("select fields from audit_event where action = 'CUSTOMER_RECTIFY' and resource_id = ?",
                String.valueOf(other));
        assertTrue(trail.matches(".*email=hmac:[0-9a-f]{32}>hmac:[0-9a-f]{32}.*") && !trail.contains(corrected)
                && !trail.contains("1234567"), trail);
        assertEquals("COMPLETED", api.post("api/v1/privacy/requests/" + fix + "/complete", privacy,
                "{\"outcome\":\"E-mail and phone corrected\"}").json().getString("status"));

        // consent: no transcript without it; a withdrawal removes them, except where a legal hold covers them
        long chatting = subject(api, agentEu, marker + ".chat@example.com", null);
        long free = personalTicket(api, agentEu, chatting, marker + " chat", "From the chat widget");
        long held = personalTicket(api, agentEu, chatting, marker + " disputed", "From the chat widget");
        assertViolation(api.post("api/v1/tickets/" + free + "/comments", agentEu,
                "{\"body\":\"Customer: my router blinks\",\"channel\":\"CHAT\"}"), "channel");
        assertViolation(api.post("api/v1/customers/" + chatting + "/consents", agentEu,
                "{\"purpose\":\"CHAT_TRANSCRIPT_STORAGE\",\"given\":\"yes\"}"), "given");
        assertViolation(api.post("api/v1/customers/" + chatting + "/consents", agentEu,
                "{\"purpose\":\"MARKETING\",\"given\":true,\"source\":\"chat\",\"textVersion\":\"v1\"}"),
                "purpose");
        Reply given = api.post("api/v1/customers/" + chatting + "/consents", agentEu, "{\"purpose\":"
                + "\"CHAT_TRANSCRIPT_STORAGE\",\"given\":true,\"source\":\"chat widget opt-in\","
                + "\"textVersion\":\"chat-consent-2026-11\"}");
        assertEquals(201, given.status(), given.toString());
        for (long ticket : List.of(free, free, held)) {
            Reply chat = api.post("api/v1/tickets/" + ticket + "/comments", agentEu,
                    "{\"body\":\"Customer: my router blinks\",\"channel\":\"CHAT\",\"visibility\":\"PUBLIC\"}");
            assertEquals(201, chat.status(), chat.toString());
        }
        assertEquals(201, api.post("api/v1/tickets/" + free + "/comments", agentEu, "{\"body\":\"Summary: reset"
                + " advised\"}").status());
        long hold = hold(api, privacy, "{\"scope\":\"TICKET\",\"ticketId\":" + held
                + ",\"reason\":\"Chargeback\",\"authority\":\"Card network\"}");
        long executionsBefore = Sql.longValue("select count(*) from jbatchjobinstancedata where name ="
                + " 'transcript-removal'");
        Reply withdrawn = api.post("api/v1/customers/" + chatting + "/consents", agentEu, "{\"purpose\":"
                + "\"CHAT_TRANSCRIPT_STORAGE\",\"given\":false,\"source\":\"phone call\","
                + "\"textVersion\":\"chat-consent-2026-11\"}");
        assertEquals(201, withdrawn.status(), withdrawn.toString());
        JsonObject state = api.get("api/v1/customers/" + chatting + "/consents", privacy).json();
        assertEquals(false, state.getJsonObject("inForce").getBoolean("CHAT_TRANSCRIPT_STORAGE"), state.toString());
        assertEquals(2, state.getJsonArray("history").size());

        assertEquals("removed=2 held=1", awaitRemoval(executionsBefore + 1));
        assertEquals(0, Sql.longValue("select count(*) from ticket_comment where ticket_id = ? and channel = 'CHAT'",
                free));
        assertEquals(1, Sql.longValue("select count(*) from ticket_comment where ticket_id = ?", free),
                "the agent's own comment stays");
        assertEquals(1, Sql.longValue("select count(*) from ticket_comment where ticket_id = ? and channel = 'CHAT'",
                held), "a held ticket keeps its transcript");
        assertEquals(2, Sql.longValue("select count(*) from audit_event where action = 'TRANSCRIPT_REMOVE' and"
                + " resource_id like ?", free + "/%"));

        // the release starts a run of its own, which removes what the hold kept
        assertEquals(200, api.post("api/v1/legal-holds/" + hold + "/release", privacy,
                "{\"reason\":\"Dispute settled\"}").status());
        assertEquals("removed=1 held=0", awaitRemoval(executionsBefore + 2));
        assertEquals(0, Sql.longValue("select count(*) from ticket_comment where ticket_id = ? and channel = 'CHAT'",
                held));
        Reply started = api.post("api/v1/jobs/transcript-removal", operator, "{\"customerId\":\"" + chatting + "\"}");
        assertEquals(202, started.status(), started.toString());
        JsonObject ended = api.awaitJob(operator, started.json().getJsonNumber("executionId").longValue());
        assertEquals("COMPLETED", ended.getString("status"), ended.toString());
        assertEquals("removed=0 held=0", ended.getString("exitStatus"), ended.toString());
        assertViolation(api.post("api/v1/jobs/transcript-removal", operator, "{\"customerId\":\"all\"}"),
                "customerId");
        assertProblem(api.post("api/v1/customers/" + chatting + "/consents", api.token("auditor"), "{}"), 403);
    }

    @Test
    void anAccessPackageHoldsTheSubjectsDataAndNoOneElsesAndItsLinkExpires() throws Exception {
        Api api = api();
        String privacy = api.token("privacy");
        String agentEu = api.token("agent.eu");
        String marker = "Pkg" + Long.toHexString(RANDOM.nextLong());
        String subjectEmail = marker.toLowerCase(java.util.Locale.ROOT) + ".subject@example.com";
        String otherEmail = marker.toLowerCase(java.util.Locale.ROOT) + ".neighbour@example.org";
        long subject = subject(api, agentEu, subjectEmail, null);
        long neighbour = subject(api, agentEu, otherEmail, null);
        long ticket = personalTicket(api, agentEu, subject, marker + " <b>bold</b> printer",
                "Reply to " + subjectEmail + "; my neighbour " + otherEmail + " has the same fault");
        personalTicket(api, agentEu, neighbour, marker + " neighbour ticket", "Not yours");
        assertEquals(201, api.post("api/v1/tickets/" + ticket + "/comments", agentEu, "{\"body\":\"Called back,"
                + " also wrote to " + otherEmail + "\",\"visibility\":\"PUBLIC\"}").status());
        assertEquals(201, api.post("api/v1/customers/" + subject + "/consents", agentEu, "{\"purpose\":"
                + "\"QA_REVIEW\",\"given\":true,\"source\":\"signed form\",\"textVersion\":\"qa-1\"}").status());
        assertEquals(200, api.get("api/v1/tickets/" + ticket, agentEu).status());

        long request = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"ACCESS\",\"email\":\""
                + subjectEmail.toUpperCase(java.util.Locale.ROOT) + "\"}").json().getJsonNumber("id").longValue();
        assertViolation(api.post("api/v1/privacy/requests/" + request + "/package", privacy, "{}"), "status");
        api.post("api/v1/privacy/requests/" + request + "/verify", privacy, "{\"method\":\"Reply from the address\"}");
        api.post("api/v1/privacy/requests/" + request + "/start", privacy, "{}");
        assertProblem(api.post("api/v1/privacy/requests/" + request + "/package", agentEu, "{}"), 403);
        Reply started = api.post("api/v1/privacy/requests/" + request + "/package", privacy, "{}");
        assertEquals(202, started.status(), started.toString());
        String link = started.json().getString("downloadUrl");
        assertTrue(link.contains("/api/v1/privacy/packages/"), link);
        JsonObject ready = null;
        for (int i = 0; i < 240 && ready == null; i++) {
            JsonObject newest = api.get("api/v1/privacy/requests/" + request + "/packages", privacy).array()
                    .getJsonObject(0);
            if (!"BUILDING".equals(newest.getString("status"))) {
                ready = newest;
            }
            Thread.sleep(250);
        }
        assertTrue(ready != null && "READY".equals(ready.getString("status")), String.valueOf(ready));
        assertTrue(!started.body().contains(Sql.text("select token_sha256 from subject_package where id = ?",
                ready.getJsonNumber("id").longValue())), "only the token's hash is stored");

        java.net.http.HttpResponse<byte[]> zip = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode(), new String(zip.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        Map<String, String> files = new HashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(zip.body()))) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertEquals(java.util.Set.of("subject-data.json", "subject-data.html", "SHA256SUMS"), files.keySet());
        for (String name : List.of("subject-data.json", "subject-data.html")) {
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(files.get(name).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertTrue(files.get("SHA256SUMS").contains(sha + "  " + name), files.get("SHA256SUMS"));
        }
        JsonObject data = Json.createReader(new java.io.StringReader(files.get("subject-data.json"))).readObject();
        assertEquals("custodian-subject-package-v1", data.getString("format"));
        assertEquals(subject, data.getJsonArray("customerRecords").getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(1, data.getJsonArray("customerRecords").size());
        assertEquals(List.of(ticket), data.getJsonArray("tickets").stream()
                .map(t -> t.asJsonObject().getJsonNumber("id").longValue()).toList());
        assertEquals(1, data.getJsonArray("tickets").getJsonObject(0).getJsonArray("comments").size());
        assertEquals("QA_REVIEW", data.getJsonArray("consents").getJsonObject(0).getString("purpose"));
        assertTrue(data.getJsonArray("accessLog").stream().anyMatch(e -> e.asJsonObject().getString("action")
                .equals("TICKET_READ") && e.asJsonObject().getString("roles").contains("AGENT")), data.toString());
        for (String file : List.of(files.get("subject-data.json"), files.get("subject-data.html"))) {
            assertTrue(file.contains(subjectEmail), "the subject's own address stays");
            assertTrue(!file.contains(otherEmail), "another person's address is redacted");
            assertTrue(!file.contains(marker + " neighbour ticket"), "the other customer's ticket is not in it");
            assertTrue(!file.contains("agent.eu"), "staff are not named");
        }
        assertTrue(files.get("subject-data.html").contains("&lt;b&gt;bold&lt;/b&gt;")
                && !files.get("subject-data.html").contains("<b>bold"), "texts are escaped in the page");
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'PRIVACY_PACKAGE_DOWNLOAD'"
                + " and resource_id = ? and outcome = 'SUCCESS'", String.valueOf(request)));

        java.net.http.HttpResponse<String> unknown = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(link + "x")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
        Sql.update("update subject_package set expires_at = now() - interval '1 minute' where id = ?",
                ready.getJsonNumber("id").longValue());
        java.net.http.HttpResponse<String> expired = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(410, expired.statusCode(), expired.body());
        assertTrue(expired.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'PRIVACY_PACKAGE_DOWNLOAD'"
                + " and resource_id = ? and outcome = 'DENIED'", String.valueOf(request)));

        // a second package, revoked by the officer: its file goes and its link answers 410
        Reply again = api.post("api/v1/privacy/requests/" + request + "/package", privacy, "{}");
        assertEquals(202, again.status(), again.toString());
        long second = again.json().getJsonObject("package").getJsonNumber("id").longValue();
        for (int i = 0; i < 240 && "BUILDING".equals(Sql.text("select status from subject_package where id = ?",
                second)); i++) {
            Thread.sleep(250);
        }
        assertEquals("READY", Sql.text("select status from subject_package where id = ?", second));
        assertViolation(api.post("api/v1/privacy/requests/" + request + "/packages/" + second + "/revoke", privacy,
                "{}"), "reason");
        Reply revoked = api.post("api/v1/privacy/requests/" + request + "/packages/" + second + "/revoke", privacy,
                "{\"reason\":\"Sent to the wrong address\"}");
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals("EXPIRED", revoked.json().getString("status"));
        assertEquals(410, java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(again.json().getString("downloadUrl"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        assertProblem(api.post("api/v1/privacy/requests/" + request + "/packages/" + second + "/revoke", privacy,
                "{\"reason\":\"again\"}"), 409);
    }

    /** Waits for the transcript-removal job instance number {@code instance} to complete; returns its exit status. */
    private static String awaitRemoval(long instance) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            List<String> ended = Sql.texts("select e.batchstatus || ' ' || coalesce(e.exitstatus, '') from"
                    + " jbatchjobinstancedata i join jbatchexecutioninstancedata e on e.jobinstanceid = i.jobinstanceid"
                    + " where i.name = 'transcript-removal' order by i.jobinstanceid, e.jobexecid offset ? limit 1",
                    instance - 1);
            if (!ended.isEmpty() && ended.get(0).startsWith("COMPLETED ")) {
                return ended.get(0).substring("COMPLETED ".length());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the transcript-removal job did not complete");
    }

    /**
     * The subject's two records get tickets and a comment with their values and are backed up; a hold placed after
     * the start blocks the erasure; then the erasure anonymizes everything, gives a receipt, keeps counts and the
     * trail intact, and a restore of the backup taken before it comes back already erased.
     */
    private static void erasureIsCarriedOutWithAReceiptAndSurvivesARestore(Api api, String privacy, String agentEu,
            long id, long first, long second, String email, String digits) throws Exception {
        String operator = api.token("operator");
        String name = Sql.text("select name from customer where id = ?", first);
        long ticket = personalTicket(api, agentEu, first, "Refund for " + name, "Write to " + email + " or call 555-" + digits);
        long other = personalTicket(api, agentEu, second, "Second record of " + name, "Same person, " + email);
        assertEquals(201, api.post("api/v1/tickets/" + ticket + "/comments", agentEu, "{\"body\":\"Spoke to " + name
                + " on 555-" + digits + "\"}").status());
        long bystander = subject(api, agentEu, "bystander." + digits + "@example.com", null);
        long bystanderTicket = personalTicket(api, agentEu, bystander, "Bystander printer", "Nothing about the subject");
        JsonObject before = BackupIT.backup(api, operator, "FULL", "before an erasure", null);
        assertEquals("COMPLETE", before.getString("status"), before.toString());

        long late = hold(api, privacy, "{\"scope\":\"CUSTOMER\",\"customerId\":" + first
                + ",\"reason\":\"Chargeback dispute\",\"authority\":\"Card network\"}");
        JsonObject blocked = api.post("api/v1/privacy/requests/" + id + "/erase", privacy, "{}").json();
        assertEquals("BLOCKED_BY_HOLD", blocked.getString("status"), blocked.toString());
        assertEquals(late, blocked.getJsonNumber("blockingHoldId").longValue());
        assertEquals(name, Sql.text("select name from customer where id = ?", first), "a blocked erasure erases nothing");
        assertEquals(200, api.post("api/v1/legal-holds/" + late + "/release", privacy,
                "{\"reason\":\"Dispute settled\"}").status());
        assertEquals("IN_PROGRESS", api.post("api/v1/privacy/requests/" + id + "/start", privacy, "{}").json()
                .getString("status"));
        assertViolation(api.post("api/v1/privacy/requests/" + id + "/complete", privacy,
                "{\"outcome\":\"Erased by hand\"}"), "type");
        assertProblem(api.get("api/v1/privacy/requests/" + id + "/receipt", privacy), 404);
        long ticketsBefore = Sql.longValue("select count(*) from ticket");
        long commentsBefore = Sql.longValue("select count(*) from ticket_comment");

        JsonObject erased = api.post("api/v1/privacy/requests/" + id + "/erase", privacy, "{}").json();
        assertEquals("COMPLETED", erased.getString("status"), erased.toString());
        assertTrue(erased.getString("outcome").contains("/receipt"), erased.toString());
        assertViolation(api.post("api/v1/privacy/requests/" + id + "/erase", privacy, "{}"), "status");

        Reply receiptReply = api.get("api/v1/privacy/requests/" + id + "/receipt", privacy);
        assertEquals(200, receiptReply.status(), receiptReply.toString());
        JsonObject receipt = receiptReply.json();
        assertEquals("custodian-erasure-receipt-v1", receipt.getString("format"));
        assertEquals(List.of(Math.min(first, second), Math.max(first, second)), receipt.getJsonArray("customerRecords")
                .getValuesAs(jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::longValue).toList());
        assertEquals(2, receipt.getJsonArray("erased").getJsonObject(0).getInt("count"), receipt.toString());
        assertEquals(2, receipt.getJsonArray("erased").getJsonObject(1).getInt("count"), receipt.toString());
        assertTrue(receipt.getJsonArray("retained").stream().allMatch(kept -> kept.asJsonObject()
                .getString("legalBasis").length() > 10), receipt.toString());
        assertProblem(api.get("api/v1/privacy/requests/" + id + "/receipt", agentEu), 403);

        List<String> values = List.of(name.toLowerCase(java.util.Locale.ROOT), email.toLowerCase(java.util.Locale.ROOT),
                "555-" + digits, "555 " + digits, "555" + digits);
        for (String value : values) {
            assertEquals(List.of(), columnsHolding("public", value), "no table may still hold " + value);
        }
        assertEquals(ticketsBefore, Sql.longValue("select count(*) from ticket"), "tickets are kept, anonymized");
        assertEquals(commentsBefore, Sql.longValue("select count(*) from ticket_comment"));
        assertEquals("Bystander printer", Sql.text("select subject from ticket where id = ?", bystanderTicket));
        assertEquals("OK", api.get("api/v1/audit/verify", api.token("auditor")).json().getString("status"));
        assertEquals(2, Sql.longValue("select count(*) from audit_event where action = 'CUSTOMER_ERASE' and"
                + " resource_id in (?, ?)", String.valueOf(first), String.valueOf(second)));
        Reply shown = api.get("api/v1/customers/" + first, privacy);
        assertEquals(200, shown.status(), shown.toString());
        assertEquals("[erased]", shown.json().getString("name"), shown.toString());
        assertTrue(shown.json().isNull("email") && shown.json().isNull("phone"), shown.toString());
        assertViolation(api.post("api/v1/tickets", agentEu, Json.createObjectBuilder().add("customerId", first)
                .add("subject", "New").add("description", "New").add("category", "HARDWARE").build().toString()),
                "customerId");
        assertViolation(api.post("api/v1/customers/" + first + "/consents", agentEu, "{\"purpose\":\"QA_REVIEW\","
                + "\"given\":true,\"source\":\"phone call\",\"textVersion\":\"qa-1\"}"), "customerId");

        // the backup taken before the erasure, restored into the isolated schema: the ledger erases it again
        JsonObject restored = BackupIT.restore(api, operator, "{\"setId\":" + before.getJsonNumber("id")
                + ",\"reason\":\"erasure must survive a restore\"}");
        assertTrue(restored.getBoolean("ok"), restored.toString());
        assertTrue(restored.getJsonArray("checks").toString().contains("OK erasure ledger re-applied")
                && restored.getJsonArray("checks").toString().contains("OK chat transcripts without consent"),
                restored.toString());
        assertEquals("[erased]", Sql.text("select name from custodian_restore.customer where id = ?", second));
        assertEquals("[anonymized]", Sql.text("select description from custodian_restore.ticket where id = ?", other));
        assertEquals("Bystander printer", Sql.text("select subject from custodian_restore.ticket where id = ?",
                bystanderTicket));
        for (String value : values) {
            assertEquals(List.of(), columnsHolding("custodian_restore", value), "the restored copy holds " + value);
        }
    }

    /** Every text column of every table in {@code schema} that holds {@code value} (ignoring case). */
    private static List<String> columnsHolding(String schema, String value) throws Exception {
        List<String> found = new java.util.ArrayList<>();
        for (String column : Sql.texts("select table_name || '.' || column_name from information_schema.columns"
                + " where table_schema = ? and data_type in ('character varying', 'character', 'text')", schema)) {
            String[] parts = column.split("\\.");
            // names from the catalog itself, quoted
            if (Sql.longValue("select count(*) from \"" + schema + "\".\"" + parts[0] + "\" where lower(\""
                    + parts[1] + "\") like ?", "%" + value + "%") > 0) {
                found.add(column);
            }
        }
        return found;
    }

    private static long personalTicket(Api api, String token, long customerId, String subject, String description) {
        Reply reply = api.post("api/v1/tickets", token, Json.createObjectBuilder().add("customerId", customerId)
                .add("subject", subject).add("description", description).add("category", "BILLING")
                .build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static long subject(Api api, String token, String email, String phone) {
        String unique = email != null ? email.substring(0, email.indexOf('@')).replaceAll("[^A-Za-z0-9]", " ") : phone;
        var body = Json.createObjectBuilder().add("name", "Erin " + unique).add("region", "EU");
        if (email != null) {
            body.add("email", email);
        }
        if (phone != null) {
            body.add("phone", phone);
        }
        Reply reply = api.post("api/v1/customers", token, body.build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static long register(Api api, String privacy, long customerId, Instant received) {
        Reply reply = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"ACCESS\",\"customerId\":"
                + customerId + ",\"receivedAt\":\"" + received + "\"}");
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static List<Long> ids(Reply list) {
        assertEquals(200, list.status(), list.toString());
        return list.array().stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    private static String category() {
        StringBuilder name = new StringBuilder("RT");
        for (int i = 0; i < 10; i++) {
            name.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }

    private static long policy(Api api, String privacy, String category, String region, String action) {
        String body = Json.createObjectBuilder().add("name", "IT " + action + " " + category)
                .add("categories", Json.createArrayBuilder().add(category))
                .add("regions", region == null ? Json.createArrayBuilder() : Json.createArrayBuilder().add(region))
                .add("clock", "AFTER_LAST_ACTIVITY").add("days", 1).add("action", action)
                .add("reason", "Integration test retention rule").build().toString();
        Reply created = api.post("api/v1/retention/policies", privacy, body);
        assertEquals(201, created.status(), created.toString());
        return created.json().getJsonNumber("id").longValue();
    }

    private static long hold(Api api, String privacy, String body) {
        Reply placed = api.post("api/v1/legal-holds", privacy, body);
        assertEquals(201, placed.status(), placed.toString());
        return placed.json().getJsonNumber("id").longValue();
    }

    /**
     * The audit trail's own retention, last in the whole run (RetentionIT sorts last and this test is ordered last):
     * pruning removes events for good. Raw retention is PT0S in the IT environment, so events of this run are due.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void theTrailIsPrunedAtASignedCheckpointToDailyCountsAndStillVerifiesAndProves() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        String auditor = api.token("auditor");
        assertProblem(api.post("api/v1/audit/prune", auditor, "{\"reason\":\"not mine to do\"}"), 403);
        assertProblem(api.post("api/v1/audit/prune", api.token("privacy"), "{\"reason\":\"nor mine\"}"), 403);
        assertViolation(api.post("api/v1/audit/prune", operator, "{}"), "reason");
        assertViolation(api.post("api/v1/audit/prune", operator, "{\"reason\":\"x\",\"olderThan\":\""
                + Instant.now().plusSeconds(3600) + "\"}"), "olderThan");
        assertViolation(api.post("api/v1/audit/prune", operator, "{\"reason\":\"x\",\"olderThan\":\"soon\"}"),
                "olderThan");

        // a signed checkpoint to prune at, a backup that holds it, and a SIEM collector that has received it
        long boundary = api.post("api/v1/audit/checkpoints", auditor, "").json().getJsonNumber("treeSize")
                .longValue();
        String signedRoot = api.get("api/v1/audit/checkpoints", auditor).json().getJsonArray("history")
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getJsonNumber("treeSize").longValue() == boundary)
                .findFirst().orElseThrow().getString("rootHash");
        Reply backup = api.post("api/v1/backups", operator, "{\"type\":\"FULL\",\"reason\":\"before pruning\","
                + "\"target\":\"primary\"}");
        assertEquals(202, backup.status(), backup.toString());
        assertEquals("COMPLETED", api.awaitJob(operator, backup.json().getJsonNumber("executionId").longValue())
                .getString("status"));
        long previouslyPruned = Sql.longValue("select coalesce(max(tree_size), 0) from audit_prune");
        long aggregatedBefore = Sql.longValue("select coalesce(sum(events), 0) from audit_daily_aggregate");
        JsonObject pruned;
        try (java.net.ServerSocket collector = new java.net.ServerSocket(
                Integer.parseInt(System.getProperty("custodian.it.siem.port")), 50,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread reader = new Thread(() -> drainCollector(collector), "it-siem-collector");
            reader.setDaemon(true);
            reader.start();
            Instant deadline = Instant.now().plusSeconds(60);
            while (delivered(api) < boundary && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertTrue(delivered(api) >= boundary, "the SIEM collector received the events to be pruned");
            Reply reply = api.post("api/v1/audit/prune", operator, "{\"reason\":\"IT: retention of the trail\"}");
            assertEquals(200, reply.status(), reply.toString());
            pruned = reply.json();
        }
        long prunedTo = pruned.getJsonNumber("prunedTo").longValue();
        assertEquals(previouslyPruned, pruned.getJsonNumber("previousPrunedTo").longValue());
        assertEquals(boundary, prunedTo, "the newest checkpoint, made just before: " + pruned);
        assertEquals(1, Sql.longValue("select count(*) from audit_checkpoint where tree_size = ?", prunedTo),
                "pruned only at a signed checkpoint");
        long removed = pruned.getJsonNumber("eventsRemoved").longValue();
        assertEquals(prunedTo - previouslyPruned, removed);
        assertEquals(0, Sql.longValue("select count(*) from audit_event where sequence <= ?", prunedTo));
        assertEquals(prunedTo + 1, Sql.longValue("select min(sequence) from audit_event"));
        assertEquals(aggregatedBefore + removed, Sql.longValue("select sum(events) from audit_daily_aggregate"),
                "every removed event is counted in the daily aggregates");
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'AUDIT_PRUNE' and"
                + " resource_id = ? and actor = 'operator'", "1-" + prunedTo), "the pruning is in the trail");

        // what remains verifies from the pruning point, against the signed checkpoint there
        JsonObject verified = api.get("api/v1/audit/verify", auditor).json();
        assertEquals("OK", verified.getString("status"), verified.toString());
        assertEquals(prunedTo, verified.getJsonNumber("prunedTo").longValue());
        JsonObject retention = api.get("api/v1/audit/retention", auditor).json();
        assertEquals(prunedTo, retention.getJsonNumber("prunedTo").longValue());
        JsonObject latest = retention.getJsonArray("prunings").getJsonObject(0);
        assertEquals("IT: retention of the trail", latest.getString("reason"));
        assertEquals(signedRoot, latest.getString("rootHash"), "the edge kept hashes to the signed root");
        assertProblem(api.get("api/v1/audit/retention", api.token("agent.eu")), 403);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String monthAgo = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(31).toString();
        assertViolation(api.get("api/v1/audit/daily-counts?from=1990-01-01&to=" + today, auditor), "to");
        long counted = api.get("api/v1/audit/daily-counts?from=" + monthAgo + "&to=" + today, auditor).array()
                .getValuesAs(JsonObject.class).stream().mapToLong(c -> c.getJsonNumber("events").longValue()).sum();
        assertEquals(aggregatedBefore + removed, counted);
        assertViolation(api.get("api/v1/audit/daily-counts?from=yesterday&to=" + today, auditor), "from");

        // access reports over the pruned days count the reads from the daily aggregates where they can
        String window = "from=" + Instant.now().minus(java.time.Duration.ofDays(2)) + "&to="
                + Instant.now().plusSeconds(60);
        long prunedReads = Sql.longValue("select coalesce(sum(events), 0) from audit_daily_aggregate where action in"
                + " ('TICKET_READ', 'TICKET_SEARCH', 'CUSTOMER_READ') and outcome = 'SUCCESS' and utc_day >= ?",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2));
        assertTrue(prunedReads > 0, "this run's pruned events include reads");
        JsonObject byRole = api.get("api/v1/reports/access?" + window + "&groupBy=role", auditor).json();
        assertEquals(prunedReads, byRole.getJsonNumber("readsFromDailyCounts").longValue(), byRole.toString());
        assertTrue(byRole.getJsonNumber("reads").longValue() >= prunedReads);
        assertTrue(byRole.getJsonArray("rows").getValuesAs(JsonObject.class).stream().anyMatch(row -> row.getString("key")
                .contains("AGENT") && row.getJsonNumber("readsFromDailyCounts").longValue() > 0), byRole.toString());
        assertTrue(byRole.getString("prunedNote").contains("daily counts"), byRole.toString());
        JsonObject byUser = api.get("api/v1/reports/access?" + window + "&groupBy=user", auditor).json();
        assertEquals(0, byUser.getJsonNumber("readsFromDailyCounts").longValue());
        assertTrue(byUser.getString("prunedNote").contains(prunedReads + " read(s) on those days are left out"),
                byUser.toString());

        // proofs about later events still work; about pruned ones they are refused, saying why
        api.get("api/v1/tickets", api.token("agent.eu"));
        JsonObject after = api.post("api/v1/audit/checkpoints", auditor, "").json();
        long size = after.getJsonNumber("treeSize").longValue();
        JsonObject proof = api.get("api/v1/audit/proofs/inclusion?sequence=" + (prunedTo + 1) + "&treeSize=" + size,
                auditor).json();
        assertEquals(after.getString("rootHash"), rootFromPath(prunedTo, size, proof.getString("leafHash"),
                proof.getJsonArray("path").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList()), "the path leads to the signed root");
        assertViolation(api.get("api/v1/audit/proofs/inclusion?sequence=" + prunedTo + "&treeSize=" + size, auditor),
                "sequence");
        assertEquals(200, api.get("api/v1/audit/proofs/consistency?from=" + prunedTo + "&to=" + size, auditor)
                .status());
        assertViolation(api.get("api/v1/audit/proofs/consistency?from=" + (prunedTo - 1) + "&to=" + size, auditor),
                "from");

        // an export starts at the pruning point and verifies offline; asking for pruned events is refused
        Reply export = api.get("api/v1/audit/export?to=" + size, auditor);
        assertEquals(200, export.status(), export.toString());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("custodian-pruned", ".jsonl");
        java.nio.file.Files.writeString(file, export.body());
        OfflineVerifier.Verdict offline = OfflineVerifier.run(file, OfflineVerifier.devKey());
        assertEquals(0, offline.exit(), offline.output());
        assertTrue(offline.output().startsWith("OK events=" + (size - prunedTo)), offline.output());
        assertViolation(api.get("api/v1/audit/export?from=1&to=" + size, auditor), "from");

        // a pruning point that does not match its signed checkpoint is tampering
        String chainHash = Sql.text("select chain_hash from audit_prune where tree_size = ?", prunedTo);
        Sql.update("update audit_prune set chain_hash = ? where tree_size = ?", "0".repeat(64), prunedTo);
        JsonObject forged = api.get("api/v1/audit/verify", auditor).json();
        Sql.update("update audit_prune set chain_hash = ? where tree_size = ?", chainHash, prunedTo);
        assertEquals("BROKEN", forged.getString("status"), forged.toString());
        assertEquals(prunedTo, forged.getJsonNumber("firstBadSequence").longValue());
        assertTrue(forged.getString("reason").contains("signed"), forged.toString());
        assertEquals("OK", api.get("api/v1/audit/verify", auditor).json().getString("status"));

        // nothing more is due: the newer checkpoint is beyond what the backup holds and the collector received
        JsonObject again = api.post("api/v1/audit/prune", operator, "{\"reason\":\"again\"}").json();
        assertEquals(0, again.getJsonNumber("eventsRemoved").longValue(), again.toString());
        assertTrue(again.getString("note").startsWith("no signed checkpoint after " + prunedTo), again.toString());

        // a chain whose base set predates the pruning: the base brings the pruned events back, the restore drops them
        JsonObject incremental = BackupIT.backup(api, operator, "INCREMENTAL", "after pruning", "primary");
        assertEquals("COMPLETE", incremental.getString("status"), incremental.toString());
        JsonObject report = BackupIT.restore(api, operator, "{\"setId\":" + incremental.getJsonNumber("id")
                + ",\"reason\":\"drill after pruning\"}");
        String checks = report.getJsonArray("checks").toString();
        assertTrue(report.getBoolean("ok") && checks.contains("OK audit pruning") && checks.contains("OK row counts")
                && checks.contains("OK audit trail"), report.toString());
    }

    /** RFC 9162 section 2.1.3.2, written here from the RFC: the root an inclusion path leads to. */
    private static String rootFromPath(long index, long size, String leafHex, List<String> path) throws Exception {
        java.util.HexFormat hex = java.util.HexFormat.of();
        long fn = index;
        long sn = size - 1;
        byte[] r = hex.parseHex(leafHex);
        for (String p : path) {
            byte[] sibling = hex.parseHex(p);
            if (sn == 0) {
                throw new AssertionError("path longer than the tree");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(sibling, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? hex.formatHex(r) : "path too short";
    }

    private static byte[] node(byte[] left, byte[] right) throws Exception {
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 1);
        sha256.update(left);
        return sha256.digest(right);
    }

    private static long delivered(Api api) {
        return Long.parseLong(api.health("siem-delivery").getString("deliveredSequence"));
    }

    /** A collector that takes whatever the SIEM forwarder sends. */
    private static void drainCollector(java.net.ServerSocket collector) {
        while (!collector.isClosed()) {
            try (java.net.Socket connection = collector.accept()) {
                connection.getInputStream().readAllBytes();
            } catch (java.io.IOException closed) {
                // closed at the end of the test
            }
        }
    }

    private static long customer(Api api, String token, String region) {
        Reply reply = api.post("api/v1/customers", token, Json.createObjectBuilder()
                .add("name", "Retention Customer").add("region", region).build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static long ticket(Api api, String token, long customerId, String category, String description) {
        Reply reply = api.post("api/v1/tickets", token, Json.createObjectBuilder().add("customerId", customerId)
                .add("subject", "Retention " + category).add("description", description).add("category", category)
                .build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    /** Time passes: the tickets' last activity moves three days back. */
    private static void age(List<Long> tickets) throws Exception {
        for (long id : tickets) {
            Sql.update("update ticket set created_at = now() - interval '4 days', updated_at = now() - interval"
                    + " '3 days' where id = ?", id);
        }
    }

    private static Map<Long, String> previewOutcomes(Api api, String privacy) {
        Reply preview = api.get("api/v1/retention/preview?asOf=" + Instant.now(), privacy);
        assertEquals(200, preview.status(), preview.toString());
        Map<Long, String> outcomes = new HashMap<>();
        for (JsonValue item : preview.json().getJsonArray("items")) {
            outcomes.put(item.asJsonObject().getJsonNumber("ticketId").longValue(),
                    item.asJsonObject().getString("outcome"));
        }
        return outcomes;
    }

    private static JsonObject run(Api api, String operator, String parameters) throws Exception {
        Reply started = api.post("api/v1/jobs/retention-purge", operator, parameters);
        assertEquals(202, started.status(), started.toString());
        JsonObject execution = api.awaitJob(operator, started.json().getJsonNumber("executionId").longValue());
        assertEquals("COMPLETED", execution.getString("status"), execution.toString());
        return execution;
    }
}
