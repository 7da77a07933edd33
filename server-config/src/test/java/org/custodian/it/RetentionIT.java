package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.custodian.it.Backups.backup;
import static org.custodian.it.Backups.restore;
import static org.custodian.it.LegalHolds.hold;
import static org.custodian.it.Rfc9162.verifyInclusion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Retention end to end: policies by category and region, anonymize versus delete, legal holds on a customer, a
 * ticket and a query each blocking, the preview agreeing with what the job then does, a second start refused,
 * stop and restart without duplicates, and the step metrics. Each test uses categories of its own, so the
 * rest of the database is never due under its policies. Last, the audit trail's own retention: pruning.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionIT extends DeployedWar {

    private static final Random RANDOM = new Random();

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
        List<Long> tickets = new ArrayList<>();
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
        try (SiemCollector collector = SiemCollector.open(delivery -> { })) {
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
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String monthAgo = LocalDate.now(ZoneOffset.UTC).minusDays(31).toString();
        assertViolation(api.get("api/v1/audit/daily-counts?from=1990-01-01&to=" + today, auditor), "to");
        long counted = api.get("api/v1/audit/daily-counts?from=" + monthAgo + "&to=" + today, auditor).array()
                .getValuesAs(JsonObject.class).stream().mapToLong(c -> c.getJsonNumber("events").longValue()).sum();
        assertEquals(aggregatedBefore + removed, counted);
        assertViolation(api.get("api/v1/audit/daily-counts?from=yesterday&to=" + today, auditor), "from");

        // access reports over the pruned days count the reads from the daily aggregates where they can
        String window = "from=" + Instant.now().minus(Duration.ofDays(2)) + "&to="
                + Instant.now().plusSeconds(60);
        long prunedReads = Sql.longValue("select coalesce(sum(events), 0) from audit_daily_aggregate where action in"
                + " ('TICKET_READ', 'TICKET_SEARCH', 'CUSTOMER_READ', 'CUSTOMER_SEARCH', 'FIELD_REVEALED',"
                + " 'ATTACHMENT_DOWNLOAD')" // AuditActions.READ_ACTIONS (#24: a download is a read)
                + " and outcome = 'SUCCESS' and utc_day >= ?",
                LocalDate.now(ZoneOffset.UTC).minusDays(2));
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
        HexFormat hex = HexFormat.of();
        List<byte[]> path = proof.getJsonArray("path").getValuesAs(JsonString.class).stream()
                .map(p -> hex.parseHex(p.getString())).toList();
        assertTrue(verifyInclusion(prunedTo, size, hex.parseHex(proof.getString("leafHash")), path,
                hex.parseHex(after.getString("rootHash"))), "the path leads to the signed root: " + proof);
        assertViolation(api.get("api/v1/audit/proofs/inclusion?sequence=" + prunedTo + "&treeSize=" + size, auditor),
                "sequence");
        assertEquals(200, api.get("api/v1/audit/proofs/consistency?from=" + prunedTo + "&to=" + size, auditor)
                .status());
        assertViolation(api.get("api/v1/audit/proofs/consistency?from=" + (prunedTo - 1) + "&to=" + size, auditor),
                "from");

        // an export starts at the pruning point and verifies offline; asking for pruned events is refused
        Reply export = api.get("api/v1/audit/export?to=" + size, auditor);
        assertEquals(200, export.status(), export.toString());
        Path file = Files.createTempFile("custodian-pruned", ".jsonl");
        Files.writeString(file, export.body());
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
        JsonObject incremental = backup(api, operator, "INCREMENTAL", "after pruning", "primary");
        assertEquals("COMPLETE", incremental.getString("status"), incremental.toString());
        JsonObject report = restore(api, operator, "{\"setId\":" + incremental.getJsonNumber("id")
                + ",\"reason\":\"drill after pruning\"}");
        String checks = report.getJsonArray("checks").toString();
        assertTrue(report.getBoolean("ok") && checks.contains("OK audit pruning") && checks.contains("OK row counts")
                && checks.contains("OK audit trail"), report.toString());
    }

    // ---------------------------------------------------------------- helpers

    /** A category only this test uses: upper-case letters, as categories are; listed, as tickets need (#23). */
    private String category() {
        StringBuilder name = new StringBuilder("RT");
        for (int i = 0; i < 10; i++) {
            name.append((char) ('A' + RANDOM.nextInt(26)));
        }
        TestData.listCategory(api(), name.toString());
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

    private static long delivered(Api api) {
        return Long.parseLong(api.health("siem-delivery").getString("deliveredSequence"));
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
