package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.custodian.it.Backups.backup;
import static org.custodian.it.Backups.csvFirstColumn;
import static org.custodian.it.Backups.decryptAll;
import static org.custodian.it.Backups.exitCode;
import static org.custodian.it.Backups.fileRows;
import static org.custodian.it.Backups.gnupgHome;
import static org.custodian.it.Backups.manifest;
import static org.custodian.it.Backups.primary;
import static org.custodian.it.Backups.restore;
import static org.custodian.it.Backups.run;
import static org.custodian.it.Backups.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * Backups end to end, checked the way an operator would: with gpg and sha256sum on the files the server wrote.
 * Full and incremental sets; residency refusal before anything is written; a failure opening an incident; an
 * abandoned set cleaned up by the next run. Each test takes its own sets and judges only those.
 */
class BackupIT extends DeployedWar {

    @Test
    void fullAndIncrementalSetsDecryptWithGpgAndMatchTheirChecksums() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        String agent = api.token("agent.eu");
        String marker = "Backup marker " + UUID.randomUUID();
        long customer = customer(api, agent);
        long before = ticket(api, agent, customer, marker + " before full");
        Reply comment = api.post("api/v1/tickets/" + before + "/comments", agent, "{\"body\":\"Comment to delete\"}");
        assertEquals(201, comment.status(), comment.toString());
        long commentId = comment.json().getJsonNumber("id").longValue();

        JsonObject full = backup(api, operator, "FULL", "before upgrade", null);
        assertEquals("COMPLETE", full.getString("status"), full.toString());
        assertEquals("FULL", full.getString("type"));
        assertTrue(full.getJsonNumber("rowCount").longValue() > 0, full.toString());
        assertTrue(full.getJsonNumber("sizeBytes").longValue() > 0, full.toString());
        Path fullDirectory = primary().resolve(full.getString("name"));
        assertTrue(Files.isDirectory(fullDirectory), fullDirectory + " exists");
        assertFalse(Files.exists(primary().resolve(".partial-" + full.getString("name"))), "no working directory left");

        Path gnupg = gnupgHome();
        // stored files check out before anything is decrypted, and the manifest's signature verifies
        // the checksum lists are signed too: gpg --verify SHA256SUMS.asc && sha256sum -c SHA256SUMS is the whole check
        run(fullDirectory, gnupg, "gpg", "--batch", "--verify", "SHA256SUMS.asc", "SHA256SUMS");
        run(fullDirectory, gnupg, "sha256sum", "-c", "--strict", "SHA256SUMS");
        run(fullDirectory, gnupg, "gpg", "--batch", "--verify", "manifest.json.asc", "manifest.json");
        decryptAll(fullDirectory, gnupg);
        run(fullDirectory, gnupg, "gpg", "--batch", "--verify", "SHA256SUMS.decrypted.asc", "SHA256SUMS.decrypted");
        run(fullDirectory, gnupg, "sha256sum", "-c", "--strict", "SHA256SUMS.decrypted");
        JsonObject manifest = manifest(fullDirectory);
        assertEquals("FULL", manifest.getJsonObject("set").getString("type"));
        assertEquals(full.getString("manifestSha256"), sha256(fullDirectory.resolve("manifest.json")));
        String fullTickets = Files.readString(fullDirectory.resolve("data/ticket.csv"));
        assertTrue(fullTickets.contains(marker + " before full"), "the full set holds the ticket");
        // as of the snapshot: every ticket committed well before it, none created after it (one the server made
        // itself, an alert's SECURITY ticket, may be stamped just before the snapshot and commit just after it)
        String at = manifest.getJsonObject("snapshot").getString("at");
        long rows = fileRows(manifest, "data/ticket.csv.gpg");
        long settled = Sql.longValue("select count(*) from ticket where created_at <= ?::timestamptz - interval '5"
                + " seconds'", at);
        long upTo = Sql.longValue("select count(*) from ticket where created_at <= ?::timestamptz", at);
        assertTrue(settled <= rows && rows <= upTo, "row count of ticket.csv (" + rows + ") is the table's as of the"
                + " snapshot: between " + settled + " and " + upTo);
        assertTrue(Files.readString(fullDirectory.resolve("data/schema.sql")).contains("create table ticket"));

        // changes after the full set: one new ticket, one changed, one comment deleted
        long after = ticket(api, agent, customer, marker + " after full");
        Sql.update("update ticket set subject = ? where id = ?", marker + " changed", before);
        Sql.update("delete from ticket_comment where id = ?", commentId);

        JsonObject incremental = backup(api, operator, "INCREMENTAL", "nightly", null);
        assertEquals("COMPLETE", incremental.getString("status"), incremental.toString());
        assertEquals(full.getJsonNumber("id").longValue(), incremental.getJsonNumber("baseId").longValue());
        Path incrementalDirectory = primary().resolve(incremental.getString("name"));
        run(incrementalDirectory, gnupg, "gpg", "--batch", "--verify", "SHA256SUMS.asc", "SHA256SUMS");
        run(incrementalDirectory, gnupg, "sha256sum", "-c", "--strict", "SHA256SUMS");
        decryptAll(incrementalDirectory, gnupg);
        run(incrementalDirectory, gnupg, "sha256sum", "-c", "--strict", "SHA256SUMS.decrypted");
        List<String> changedTickets = csvFirstColumn(incrementalDirectory.resolve("data/ticket.csv"));
        assertTrue(changedTickets.containsAll(List.of(String.valueOf(before), String.valueOf(after))),
                "the changed and the new ticket: " + changedTickets);
        // of the tickets the full set holds, only the changed one: the rest are new since (the server's own
        // processes, e.g. the anomaly detector's security tickets, may add tickets while this test runs)
        List<String> inFull = csvFirstColumn(fullDirectory.resolve("data/ticket.csv"));
        assertEquals(List.of(String.valueOf(before)), changedTickets.stream().filter(inFull::contains).toList(),
                "only the changed and the new tickets");
        assertTrue(Files.readString(incrementalDirectory.resolve("data/ticket.csv")).contains(marker + " changed"));
        assertTrue(csvFirstColumn(incrementalDirectory.resolve("data/ticket_comment.keys.csv"))
                .contains(String.valueOf(commentId)), "the deleted comment's key is listed");
        assertFalse(csvFirstColumn(incrementalDirectory.resolve("data/ticket_comment.csv"))
                .contains(String.valueOf(commentId)), "and it has no row");
        JsonObject incrementalManifest = manifest(incrementalDirectory);
        long baseSequence = manifest.getJsonObject("snapshot").getJsonNumber("auditSequence").longValue();
        for (String sequence : csvFirstColumn(incrementalDirectory.resolve("data/audit_event.csv"))) {
            assertTrue(Long.parseLong(sequence) > baseSequence, "only audit events after the base: " + sequence);
        }
        assertEquals(full.getString("name"), incrementalManifest.getJsonObject("set").getString("baseName"));

        // the catalog lists both, newest first; an auditor may read it, an agent may not
        Reply catalog = api.get("api/v1/backups", api.token("auditor"));
        assertEquals(200, catalog.status(), catalog.toString());
        List<String> names = catalog.array().stream().map(v -> v.asJsonObject().getString("name")).toList();
        assertTrue(names.indexOf(incremental.getString("name")) < names.indexOf(full.getString("name")), names.toString());
        assertProblem(api.get("api/v1/backups", agent), 403);
        assertTrue(Sql.longValue("select count(*) from audit_event where action = 'BACKUP_COMPLETE' and resource_id"
                + " = ?", incremental.getString("name")) == 1, "completion audited");
    }

    @Test
    void flippingOneByteInAnyFileMakesVerificationNameThatFile() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        String auditor = api.token("auditor");
        JsonObject set = backup(api, operator, "FULL", "verification test", null);
        assertEquals("COMPLETE", set.getString("status"), set.toString());
        long id = set.getJsonNumber("id").longValue();
        Reply intact = api.post("api/v1/backups/" + id + "/verify", auditor, null);
        assertEquals(200, intact.status(), intact.toString());
        assertTrue(intact.json().getBoolean("ok"), intact.toString());

        Path directory = primary().resolve(set.getString("name"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() > 10, "a set has many files: " + files);
        long incidentsBefore = Sql.longValue("select count(*) from ticket where category = 'BACKUP'");
        for (Path file : files) {
            String relative = directory.relativize(file).toString();
            byte[] original = Files.readAllBytes(file);
            byte[] flipped = original.clone();
            flipped[flipped.length / 2] ^= 0x01;
            Files.write(file, flipped);
            try {
                Reply broken = api.post("api/v1/backups/" + id + "/verify", auditor, null);
                assertEquals(200, broken.status(), broken.toString());
                assertFalse(broken.json().getBoolean("ok"), relative + ": " + broken);
                List<String> problems = broken.json().getJsonArray("problems").getValuesAs(
                        JsonString.class).stream().map(JsonString::getString).toList();
                assertTrue(problems.stream().anyMatch(problem -> problem.startsWith(relative + ":")),
                        "a problem names " + relative + ": " + problems);
            } finally {
                Files.write(file, original);
            }
        }
        Reply again = api.post("api/v1/backups/" + id + "/verify", auditor, null);
        assertTrue(again.json().getBoolean("ok"), again.toString());
        // one incident per set and kind while it is open (#20): the first failure opens it, each later one is noted on it
        String subject = "Backup verification failed: " + set.getString("name");
        assertEquals(1, Sql.longValue("select count(*) from ticket where category = 'BACKUP' and subject = ?", subject),
                "the first failed verification opened an incident");
        assertEquals(files.size() - 1, Sql.longValue("select count(*) from ticket_comment c join ticket t on"
                + " t.id = c.ticket_id where t.subject = ? and c.body like 'Happened again%'", subject),
                "each later failure is noted on the open incident");
        assertTrue(Sql.longValue("select count(*) from ticket where category = 'BACKUP'") >= incidentsBefore + 1);
        assertTrue(Sql.text("select verify_result from backup_set where id = ?", id).startsWith("OK"));
        assertProblem(api.post("api/v1/backups/" + id + "/verify", api.token("agent.eu"), null), 403);
        assertProblem(api.post("api/v1/backups/999999999/verify", auditor, null), 404);
    }

    @Test
    void aSwappedDataFileWithARewrittenChecksumListFailsGpgAndTheServerRefusesTheSet() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        JsonObject set = backup(api, operator, "FULL", "swap test", null);
        assertEquals("COMPLETE", set.getString("status"), set.toString());
        long id = set.getJsonNumber("id").longValue();
        Path directory = primary().resolve(set.getString("name"));
        Path gnupg = gnupgHome();
        run(directory, gnupg, "gpg", "--batch", "--verify", "SHA256SUMS.asc", "SHA256SUMS");

        // an attacker with write access to the target: a forged, validly encrypted ticket.csv, and SHA256SUMS
        // rewritten to match it, so sha256sum -c alone passes
        Path stored = directory.resolve("data/ticket.csv.gpg");
        byte[] original = Files.readAllBytes(stored);
        byte[] originalList = Files.readAllBytes(directory.resolve("SHA256SUMS"));
        Path forged = Files.createTempFile("forged", ".csv");
        try {
            Files.writeString(forged, "id\n");
            run(directory, gnupg, "gpg", "--batch", "--yes", "--trust-model", "always", "--recipient-file",
                    Path.of(System.getProperty("custodian.it.devkeys"), "backup-recipient-public.asc").toString(),
                    "--output", stored.toString(), "--encrypt", forged.toString());
            Files.writeString(directory.resolve("SHA256SUMS"), new String(originalList, StandardCharsets.UTF_8)
                    .replaceAll("(?m)^[0-9a-f]{64}  data/ticket\\.csv\\.gpg$", sha256(stored) + "  data/ticket.csv.gpg"));
            run(directory, gnupg, "sha256sum", "-c", "--strict", "SHA256SUMS");
            assertTrue(exitCode(directory, gnupg, "gpg", "--batch", "--verify", "SHA256SUMS.asc", "SHA256SUMS") != 0,
                    "gpg --verify SHA256SUMS.asc fails on the rewritten list");

            Reply verify = api.post("api/v1/backups/" + id + "/verify", api.token("auditor"), null);
            assertEquals(200, verify.status(), verify.toString());
            assertFalse(verify.json().getBoolean("ok"), verify.toString());
            String problems = verify.json().getJsonArray("problems").toString();
            assertTrue(problems.contains("data/ticket.csv.gpg: SHA-256") && problems.contains("SHA256SUMS.asc: not a"
                    + " valid signature"), problems);

            Reply started = api.post("api/v1/backups/restores", operator, "{\"setId\":" + id
                    + ",\"reason\":\"restore a swapped set\"}");
            assertEquals(202, started.status(), started.toString());
            long execution = started.json().getJsonNumber("executionId").longValue();
            assertEquals("FAILED", api.awaitJob(operator, execution).getString("status"));
            JsonObject report = api.get("api/v1/backups/drills", operator).array().getJsonObject(0);
            assertEquals(execution, report.getJsonNumber("jobExecutionId").longValue(), report.toString());
            assertFalse(report.getBoolean("ok"), report.toString());
            assertTrue(report.getString("failure").contains("failed verification, nothing was restored")
                    && report.getString("failure").contains("data/ticket.csv.gpg"), report.toString());
        } finally {
            Files.write(stored, original);
            Files.write(directory.resolve("SHA256SUMS"), originalList);
            Files.deleteIfExists(forged);
        }
        assertTrue(api.post("api/v1/backups/" + id + "/verify", api.token("auditor"), null).json().getBoolean("ok"));
    }

    @Test
    void aChainRestoresIntoAnIsolatedSchemaEqualToTheSourceAndPointInTimeStopsAtTheRightSet() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        String agent = api.token("agent.eu");
        String marker = "Restore marker " + UUID.randomUUID();
        long customer = customer(api, agent);
        long first = ticket(api, agent, customer, marker + " first");
        Reply comment = api.post("api/v1/tickets/" + first + "/comments", agent, "{\"body\":\"Gone before I2\"}");
        long commentId = comment.json().getJsonNumber("id").longValue();
        JsonObject full = backup(api, operator, "FULL", "restore test base", null);
        long second = ticket(api, agent, customer, marker + " second");
        JsonObject one = backup(api, operator, "INCREMENTAL", "restore test one", null);
        long third = ticket(api, agent, customer, marker + " third");
        Sql.update("update ticket set subject = ? where id = ?", marker + " first, changed", first);
        Sql.update("delete from ticket_comment where id = ?", commentId);
        JsonObject two = backup(api, operator, "INCREMENTAL", "restore test two", null);
        assertEquals(one.getJsonNumber("id").longValue(), two.getJsonNumber("baseId").longValue());

        JsonObject restored = restore(api, operator, "{\"setId\":" + two.getJsonNumber("id") + ",\"reason\":\"restore test\"}");
        assertEquals("RESTORE", restored.getString("kind"));
        assertTrue(restored.getBoolean("ok"), restored.toString());
        assertEquals(List.of(full.getString("name"), one.getString("name"), two.getString("name")),
                restored.getJsonArray("chain").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList());
        assertTrue(restored.getJsonNumber("rtoMillis").longValue() >= 0 && restored.getJsonNumber("rpoMillis")
                .longValue() >= 0, restored.toString());
        String checks = restored.getJsonArray("checks").toString();
        assertTrue(checks.contains("OK referential integrity") && checks.contains("OK row counts")
                && checks.contains("OK audit trail"), checks);
        // the secondary indexes but the unique and foreign-key ones came after the data's commit, by the job's
        // second step: all there now, each as the source schema defines it
        assertTrue(checks.contains("are built after the commit by the job's step 'indexes'"), checks);
        String gin = "select count(*) from pg_indexes where schemaname = ? and indexdef like '% USING gin %'";
        assertTrue(Sql.longValue(gin, "public") > 0);
        assertEquals(Sql.longValue(gin, "public"), Sql.longValue(gin, "custodian_restore"));
        String missing = "select string_agg(a.indexname, ', ') from pg_indexes a where a.schemaname = ? and exists"
                + " (select 1 from pg_tables t where t.schemaname = ? and t.tablename = a.tablename"
                + " and t.tablename <> 'flyway_schema_history') and not exists"
                + " (select 1 from pg_indexes b where b.schemaname = ? and b.indexname = a.indexname and"
                + " replace(b.indexdef, b.schemaname || '.', '') = replace(a.indexdef, a.schemaname || '.', ''))";
        assertNull(Sql.text(missing, "public", "custodian_restore", "custodian_restore"), "indexes not restored");
        assertNull(Sql.text(missing, "custodian_restore", "public", "public"), "indexes not in the source");
        assertEquals(0, Sql.longValue("select count(*) from restore_index_build where schema_name ="
                + " 'custodian_restore' and built_at is null"));
        // row by row: the restored tables are the source tables as of the snapshot of the last set
        String at = Sql.text("select snapshot_at::text from backup_set where id = ?", two.getJsonNumber("id").longValue());
        long sequence = Sql.longValue("select audit_sequence from backup_set where id = ?",
                two.getJsonNumber("id").longValue());
        for (String[] table : new String[][] {{"ticket", "created_at <= '" + at + "'"},
                {"customer", "created_at <= '" + at + "'"}, {"ticket_comment", "created_at <= '" + at + "'"},
                {"audit_event", "sequence <= " + sequence}, {"legal_hold", "created_at <= '" + at + "'"}}) {
            assertEquals(0, Sql.longValue("select count(*) from (select * from custodian_restore." + table[0]
                    + " except select * from public." + table[0] + ") d"), table[0] + ": restored rows not in the source");
            assertEquals(0, Sql.longValue("select count(*) from (select * from public." + table[0] + " where "
                    + table[1] + " except select * from custodian_restore." + table[0] + ") d"),
                    table[0] + ": source rows missing from the restore");
        }
        assertEquals(marker + " first, changed", Sql.text("select subject from custodian_restore.ticket where id = ?", first));
        assertEquals(0, Sql.longValue("select count(*) from custodian_restore.ticket_comment where id = ?", commentId));
        assertEquals(1, Sql.longValue("select count(*) from custodian_restore.ticket where id = ?", third));

        // point in time between the two incrementals: the chain stops at the first one
        String middle = Instant.parse(one.getString("snapshotAt")).plusMillis(
                Duration.between(Instant.parse(one.getString("snapshotAt")),
                        Instant.parse(two.getString("snapshotAt"))).toMillis() / 2).toString();
        JsonObject pointInTime = restore(api, operator, "{\"pointInTime\":\"" + middle + "\",\"reason\":\"pitr test\"}");
        assertEquals(one.getString("name"), pointInTime.getString("setName"), pointInTime.toString());
        assertEquals(1, Sql.longValue("select count(*) from custodian_restore.ticket where id = ?", second));
        assertEquals(0, Sql.longValue("select count(*) from custodian_restore.ticket where id = ?", third),
                "a ticket created after the point in time is not restored");
        assertEquals(marker + " first", Sql.text("select subject from custodian_restore.ticket where id = ?", first));

        assertViolation(api.post("api/v1/backups/restores", operator, "{\"setId\":" + two.getJsonNumber("id")
                + ",\"pointInTime\":\"" + middle + "\",\"reason\":\"both\"}"), "setId");
        assertViolation(api.post("api/v1/backups/restores", operator,
                "{\"pointInTime\":\"2001-01-01T00:00:00Z\",\"reason\":\"too early\"}"), "pointInTime");
        assertProblem(api.post("api/v1/backups/restores", operator, "{\"setId\":999999999,\"reason\":\"unknown\"}"),
                404);
        assertViolation(api.post("api/v1/backups/restores", operator, "{\"setId\":" + two.getJsonNumber("id")
                + ",\"reason\":\"over live\",\"mode\":\"LIVE\"}"), "confirm");
        assertViolation(api.post("api/v1/backups/restores", operator, "{\"setId\":" + two.getJsonNumber("id")
                + ",\"reason\":\"over live\",\"mode\":\"OVERWRITE\"}"), "mode");
        assertProblem(api.post("api/v1/backups/restores", api.token("auditor"), "{\"setId\":" + two.getJsonNumber("id")
                + ",\"reason\":\"not mine\"}"), 403);
    }

    @Test
    void theIntegrityJobVerifiesTrailAndSetsAndItsDrillReportsRtoAndRpo() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        String auditor = api.token("auditor");
        JsonObject set = backup(api, operator, "FULL", "drill test", null);
        assertEquals("COMPLETE", set.getString("status"), set.toString());
        assertProblem(api.post("api/v1/jobs/integrity-verify", auditor, "{\"drill\":true}"), 403);
        Reply started = api.post("api/v1/jobs/integrity-verify", operator, "{\"drill\":true,\"reason\":\"quarterly\"}");
        assertEquals(202, started.status(), started.toString());
        JsonObject execution = api.awaitJob(operator, started.json().getJsonNumber("executionId").longValue());
        assertEquals("COMPLETED", execution.getString("status"), execution.toString());
        assertTrue(execution.getString("exitStatus").startsWith("OK "), execution.toString());
        Reply drills = api.get("api/v1/backups/drills", auditor);
        assertEquals(200, drills.status(), drills.toString());
        JsonObject drill = drills.array().getJsonObject(0);
        assertEquals("DRILL", drill.getString("kind"), drill.toString());
        assertEquals(set.getString("name"), drill.getString("setName"));
        assertTrue(drill.getBoolean("ok"), drill.toString());
        assertTrue(drill.getJsonNumber("rtoMillis").longValue() > 0 && drill.getJsonNumber("rpoMillis").longValue() >= 0);
        assertEquals(0, Sql.longValue("select count(*) from information_schema.schemata where schema_name ="
                + " 'custodian_drill'"), "the drill schema is dropped");
        assertTrue(Sql.text("select verify_result from backup_set where id = ?", set.getJsonNumber("id").longValue())
                .startsWith("OK"), "the integrity job verified the set");
        // an auditor runs the daily check without a drill
        Reply check = api.post("api/v1/jobs/integrity-verify", auditor, "{\"drill\":false}");
        assertEquals(202, check.status(), check.toString());
        assertEquals("COMPLETED", api.awaitJob(auditor, check.json().getJsonNumber("executionId").longValue())
                .getString("status"));
        assertProblem(api.get("api/v1/backups/drills", api.token("agent.eu")), 403);
    }

    @Test
    void aLegalHoldPinsTheSetsHoldingItsDataAgainstExpiry() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        String privacy = api.token("privacy");
        long customer = customer(api, api.token("agent.eu"));
        Reply hold = api.post("api/v1/legal-holds", privacy, "{\"scope\":\"CUSTOMER\",\"customerId\":" + customer
                + ",\"reason\":\"Backup pinning test\",\"authority\":\"Case B-1\"}");
        assertEquals(201, hold.status(), hold.toString());
        long holdId = hold.json().getJsonNumber("id").longValue();
        try {
            JsonObject pinned = backup(api, operator, "FULL", "pinned", null);
            JsonObject newer = backup(api, operator, "FULL", "newer the same day", null);
            assertEquals("COMPLETE", newer.getString("status"));
            JsonObject again = entry(api, operator, pinned.getJsonNumber("id").longValue());
            assertEquals("COMPLETE", again.getString("status"), "the same day's newer set would expire it, the"
                    + " hold keeps it: " + again);
            assertTrue(again.getJsonArray("pinnedByHolds").toString().contains(String.valueOf(holdId)), again.toString());
            assertTrue(Files.isDirectory(primary().resolve(pinned.getString("name"))));
        } finally {
            Reply released = api.post("api/v1/legal-holds/" + holdId + "/release", privacy,
                    "{\"reason\":\"Test over, hold released\"}");
            assertEquals(200, released.status(), released.toString());
        }
        // without the hold, the next backup's expiry step removes the older same-day sets
        JsonObject last = backup(api, operator, "FULL", "after release", null);
        assertEquals("COMPLETE", last.getString("status"));
        assertTrue(Sql.longValue("select count(*) from backup_set where status = 'EXPIRED' and reason = 'pinned'") == 1,
                "the formerly pinned set expired once the hold was released");
    }

    @Test
    void aRestoreOverLiveDataNeedsItsConfirmationReplacesTheDataAndKeepsTheAuditTrail() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        String agent = api.token("agent.eu");
        String auditor = api.token("auditor");
        long customer = customer(api, agent);
        long kept = ticket(api, agent, customer, "Live restore keeps me " + UUID.randomUUID());
        JsonObject set = backup(api, operator, "FULL", "before a bad change", null);
        long lost = ticket(api, agent, customer, "Live restore removes me " + UUID.randomUUID());
        Sql.update("update ticket set subject = 'Damaged by a bad change' where id = ?", kept);
        long eventsBefore = Sql.longValue("select max(sequence) from audit_event");
        String body = "{\"setId\":" + set.getJsonNumber("id") + ",\"reason\":\"undo the bad change\",\"mode\":\"LIVE\"";
        assertViolation(api.post("api/v1/backups/restores", operator, body + "}"), "confirm");
        assertViolation(api.post("api/v1/backups/restores", operator, body + ",\"confirm\":\"custodian-wrong\"}"),
                "confirm");
        assertProblem(api.post("api/v1/backups/restores", auditor, body + ",\"confirm\":\"" + set.getString("name")
                + "\"}"), 403);
        assertEquals(1, Sql.longValue("select count(*) from ticket where id = ?", lost), "refusals touch nothing");

        JsonObject report = restore(api, operator, body + ",\"confirm\":\"" + set.getString("name") + "\"}");
        assertEquals("LIVE", report.getString("kind"));
        assertTrue(report.getBoolean("ok"), report.toString());
        assertTrue(report.getJsonArray("checks").toString().contains("OK live data replaced"), report.toString());
        assertEquals(0, Sql.longValue("select count(*) from ticket where id = ?", lost), "the later ticket is gone");
        assertTrue(Sql.text("select subject from ticket where id = ?", kept).startsWith("Live restore keeps me"),
                "the damaged ticket is as it was");
        // the trail was not rewound: it still has everything up to the restore, and the restore itself
        assertTrue(Sql.longValue("select max(sequence) from audit_event") > eventsBefore);
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'BACKUP_RESTORE' and fields"
                + " like '%kind=LIVE%' and resource_id = ?", set.getString("name")));
        Reply verify = api.get("api/v1/audit/verify", auditor);
        assertEquals(200, verify.status(), verify.toString());
        assertEquals("OK", verify.json().getString("status"), verify.toString());
        // the application goes on working on the restored data, with fresh ids
        long after = ticket(api, agent, customer, "After the live restore");
        assertTrue(after > lost, "ids are never handed out twice");
        // the change log did not see the restore: the next backup must be a full one
        assertViolation(api.post("api/v1/backups", operator, "{\"type\":\"INCREMENTAL\",\"reason\":\"nightly\"}"),
                "type");
        assertEquals("COMPLETE", backup(api, operator, "FULL", "after the live restore", null).getString("status"));
    }

    @Test
    void badRequestsAreRefusedAndResidencyIsKeptBeforeAnythingIsWritten() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        assertViolation(api.post("api/v1/backups", operator, "{\"type\":\"WEEKLY\",\"reason\":\"test\"}"), "type");
        assertViolation(api.post("api/v1/backups", operator, "{\"type\":\"FULL\"}"), "reason");
        assertViolation(api.post("api/v1/backups", operator, "{\"type\":\"FULL\",\"reason\":\"test\","
                + "\"target\":\"nowhere\"}"), "target");
        assertViolation(api.post("api/v1/backups", operator, "{\"type\":\"INCREMENTAL\",\"reason\":\"test\","
                + "\"target\":\"us-only\"}"), "type");
        assertProblem(api.post("api/v1/backups", api.token("auditor"), "{\"type\":\"FULL\",\"reason\":\"test\"}"),
                403);
        // a base older than the point the change log was pruned to (a target put back into the configuration):
        // an incremental on it would miss changes, so only a full set may follow
        assertEquals("COMPLETE", backup(api, operator, "FULL", "base for the pruning check", null).getString("status"));
        Sql.update("insert into backup_set (id, set_name, backup_type, status, target, reason, requested_by,"
                + " job_execution_id, started_at, snapshot_at, log_pruned) values (nextval('backup_set_seq'),"
                + " 'custodian-elsewhere-" + UUID.randomUUID().toString().substring(0, 8) + "', 'FULL', 'EXPIRED',"
                + " 'elsewhere', 'pruned later', 'operator', 1, now(), now() + interval '1 second', true)");
        Reply afterPruning = api.post("api/v1/backups", operator, "{\"type\":\"INCREMENTAL\",\"reason\":\"nightly\"}");
        assertViolation(afterPruning, "type");
        assertTrue(afterPruning.body().contains("change log was pruned"), afterPruning.toString());
        Sql.update("delete from backup_set where target = 'elsewhere'");
        assertProblem(api.post("api/v1/backups", api.token("agent.eu"), "{\"type\":\"FULL\",\"reason\":\"test\"}"),
                403);

        long incidentsBefore = Sql.longValue("select count(*) from ticket where category = 'BACKUP'");
        JsonObject refused = backup(api, operator, "FULL", "residency check", "us-only");
        assertEquals("FAILED", refused.getString("status"), refused.toString());
        assertTrue(refused.getString("failure").contains("residency") && refused.getString("failure").contains("EU"),
                refused.getString("failure"));
        Path usOnly = Path.of(System.getProperty("custodian.it.workdir"), "backups", "us-only");
        try (Stream<Path> files = Files.exists(usOnly) ? Files.walk(usOnly) : Stream.empty()) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "nothing written to us-only");
        }
        assertEquals(incidentsBefore + 1, Sql.longValue("select count(*) from ticket where category = 'BACKUP'"),
                "the failure opened an incident ticket");
        assertTrue(Sql.text("select description from ticket where category = 'BACKUP' order by id desc limit 1")
                .contains("residency"));
        assertEquals(1, Sql.longValue("select count(*) from alert where rule = 'BACKUP_FAILED' and ticket_id = (select"
                + " max(id) from ticket where category = 'BACKUP')"), "and an alert pointing at it");

        // a target that cannot be written: the job fails, no set looks complete, another incident
        JsonObject broken = backup(api, operator, "FULL", "broken target", "broken");
        assertEquals("FAILED", broken.getString("status"), broken.toString());
        assertEquals(incidentsBefore + 2, Sql.longValue("select count(*) from ticket where category = 'BACKUP'"));
    }

    @Test
    void anAbandonedSetIsMarkedFailedAndItsWorkingFilesRemoved() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        // what kill -9 in the middle of an export leaves: a RUNNING row and a working directory
        String name = "custodian-20260101T000000Z-full-e" + (900_000_000L + (System.nanoTime() % 1_000_000));
        Sql.update("insert into backup_set (id, set_name, backup_type, status, target, reason, requested_by,"
                + " job_execution_id, started_at) values (nextval('backup_set_seq'), ?, 'FULL', 'RUNNING', 'primary',"
                + " 'killed', 'operator', 1, now())", name);
        Path working = primary().resolve(".partial-" + name);
        Files.createDirectories(working.resolve("data"));
        Files.writeString(working.resolve("data/ticket.csv.gpg"), "half written");

        JsonObject next = backup(api, operator, "FULL", "after a crash", null);
        assertEquals("COMPLETE", next.getString("status"), next.toString());
        assertEquals("FAILED", Sql.text("select status from backup_set where set_name = ?", name));
        assertTrue(Sql.text("select failure from backup_set where set_name = ?", name).contains("abandoned"));
        assertFalse(Files.exists(working), "the working directory is gone");
        assertFalse(Files.exists(primary().resolve(name)), "and nothing was published under its name");
    }

    private static JsonObject entry(Api api, String token, long id) {
        Reply reply = api.get("api/v1/backups/" + id, token);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static long customer(Api api, String token) {
        Reply reply = api.post("api/v1/customers", token, Json.createObjectBuilder()
                .add("name", "Backup Customer").add("region", "EU").build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static long ticket(Api api, String token, long customerId, String subject) {
        Reply reply = api.post("api/v1/tickets", token, Json.createObjectBuilder().add("customerId", customerId)
                .add("subject", subject).add("description", "Nothing personal").add("category", "HARDWARE")
                .build().toString());
        assertEquals(201, reply.status(), reply.toString());
        assertNotNull(reply.json());
        return reply.json().getJsonNumber("id").longValue();
    }
}
