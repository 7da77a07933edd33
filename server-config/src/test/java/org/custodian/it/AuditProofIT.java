package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.custodian.it.Rfc9162.sha256;
import static org.custodian.it.Rfc9162.verifyConsistency;
import static org.custodian.it.Rfc9162.verifyInclusion;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * The audit trail proves itself: signed RFC 6962 checkpoints, inclusion and consistency proofs checked here by
 * an independent implementation of RFC 9162's verification, an export verified offline by the standalone
 * verifier (and rejected after any change), and tampering in the database found at the right sequence even when
 * the attacker rewrites the hash chain. Every change to the database is put back before the test ends.
 */
class AuditProofIT extends DeployedWar {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void signedCheckpointsAndProofsVerifyWithoutTrustingTheServer() throws Exception {
        Api api = api();
        String auditor = api.token("auditor");
        assertProblem(api.post("api/v1/audit/checkpoints", api.token("agent.eu"), ""), 403);
        JsonObject first = checkpoint(api, auditor);
        api.get("api/v1/policy/classifications", api.token("agent.eu"));
        api.token("supervisor");
        JsonObject second = checkpoint(api, auditor);
        long m = first.getJsonNumber("treeSize").longValue();
        long n = second.getJsonNumber("treeSize").longValue();
        assertTrue(n > m, "activity in between makes a larger tree: " + m + " -> " + n);

        JsonObject listed = api.get("api/v1/audit/checkpoints", auditor).json();
        assertEquals(n, listed.getJsonObject("latest").getJsonNumber("treeSize").longValue());
        PublicKey key = publicKey(listed.getString("publicKey"));
        assertEquals(Files.readString(Path.of(System.getProperty("custodian.it.devkeys"), "audit-verify-key.pem"))
                .replaceAll("\\s", ""), listed.getString("publicKey").replaceAll("\\s", ""));
        for (JsonObject checkpoint : List.of(first, second)) {
            assertTrue(signatureValid(checkpoint, key), "signed as docs/audit-format.md says: " + checkpoint);
        }
        JsonObject forged = Json.createObjectBuilder(second).add("rootHash", "0".repeat(64)).build();
        assertFalse(signatureValid(forged, key));

        byte[] rootN = HEX.parseHex(second.getString("rootHash"));
        byte[] rootM = HEX.parseHex(first.getString("rootHash"));
        for (long sequence : new long[] {1, m, (m + n) / 2, n}) {
            JsonObject proof = api.get("api/v1/audit/proofs/inclusion?sequence=" + sequence + "&treeSize=" + n,
                    auditor).json();
            byte[] leaf = HEX.parseHex(proof.getString("leafHash"));
            assertTrue(verifyInclusion(sequence - 1, n, leaf, hashes(proof, "path"), rootN),
                    "sequence " + sequence + " is in the signed tree of " + n);
            assertFalse(verifyInclusion(sequence - 1, n, HEX.parseHex("00".repeat(32)), hashes(proof, "path"), rootN));
        }
        // the leaf really is the event: SHA-256(0x00 || canonical form) of the row as stored
        long sample = (m + n) / 2;
        String canonical = canonicalFromDatabase(sample);
        JsonObject sampleProof = api.get("api/v1/audit/proofs/inclusion?sequence=" + sample + "&treeSize=" + n,
                auditor).json();
        assertEquals(HEX.formatHex(sha256(new byte[] {0}, canonical.getBytes(StandardCharsets.UTF_8))),
                sampleProof.getString("leafHash"));

        JsonObject consistency = api.get("api/v1/audit/proofs/consistency?from=" + m + "&to=" + n, auditor).json();
        assertTrue(verifyConsistency(m, n, rootM, rootN, hashes(consistency, "proof")),
                "the tree of " + m + " is a prefix of the tree of " + n);
        assertFalse(verifyConsistency(m, n, HEX.parseHex("11".repeat(32)), rootN, hashes(consistency, "proof")));

        assertViolation(api.get("api/v1/audit/proofs/inclusion?sequence=" + (n + 5) + "&treeSize=" + n, auditor),
                "sequence");
        assertViolation(api.get("api/v1/audit/proofs/inclusion?sequence=1&treeSize=99999999", auditor), "treeSize");
        assertViolation(api.get("api/v1/audit/proofs/consistency?from=x&to=" + n, auditor), "from");
        assertProblem(api.get("api/v1/audit/proofs/consistency?from=1&to=" + n, api.token("agent.eu")), 403);

        JsonObject verified = api.get("api/v1/audit/verify", auditor).json();
        assertEquals("OK", verified.getString("status"), verified.toString());
        assertTrue(verified.getInt("checkpoints") >= 2, verified.toString());
    }

    @Test
    void anExportVerifiesOfflineAndAnyChangeToItIsRejected() throws Exception {
        Api api = api();
        String auditor = api.token("auditor");
        api.get("api/v1/tickets", api.token("agent.eu"));
        long size = checkpoint(api, auditor).getJsonNumber("treeSize").longValue();
        Reply export = api.get("api/v1/audit/export?to=" + size, auditor);
        assertEquals(200, export.status(), export.toString());
        assertTrue(export.contentType().startsWith("application/x-ndjson"), export.contentType());
        assertProblem(api.get("api/v1/audit/export", api.token("privacy")), 403);
        assertViolation(api.get("api/v1/audit/export?from=5&to=2", auditor), "from");

        Path dir = Files.createTempDirectory("custodian-export");
        Path key = Path.of(System.getProperty("custodian.it.devkeys"), "audit-verify-key.pem");
        List<String> lines = export.body().lines().toList();
        assertEquals(size, lines.stream().filter(line -> line.contains("\"type\":\"event\"")).count(),
                "one line per event, after the header");
        Path whole = write(dir, "whole.jsonl", lines);
        OfflineVerifier.Verdict ok = OfflineVerifier.runAsShipped(whole, key);
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().startsWith("OK events=" + size), ok.output());
        assertFalse(ok.output().contains("checkpoints=0"), ok.output());

        // a part of the trail verifies too: the header carries the tree edge the signed roots confirm
        long from = Math.max(2, size / 2);
        Path part = write(dir, "part.jsonl", api.get("api/v1/audit/export?from=" + from + "&to=" + size, auditor)
                .body().lines().toList());
        OfflineVerifier.Verdict partVerdict = OfflineVerifier.run(part, key);
        assertEquals(0, partVerdict.exit(), partVerdict.output());

        int target = 1 + (int) (size / 2) - 1; // the line of a middle event
        long targetSequence = Json.createReader(new StringReader(lines.get(target))).readObject()
                .getJsonNumber("sequence").longValue();
        List<String> changed = new ArrayList<>(lines);
        changed.set(target, lines.get(target).replaceFirst("\"actor\":\"(.)", "\"actor\":\"X"));
        assertBroken(OfflineVerifier.run(write(dir, "modified.jsonl", changed), key), targetSequence, "one changed byte");

        List<String> deleted = new ArrayList<>(lines);
        deleted.remove(target);
        assertBroken(OfflineVerifier.run(write(dir, "deleted.jsonl", deleted), key), targetSequence, "a removed event");

        List<String> inserted = new ArrayList<>(lines);
        inserted.add(target, lines.get(target));
        assertBroken(OfflineVerifier.run(write(dir, "inserted.jsonl", inserted), key), targetSequence + 1, "an inserted event");

        List<String> swapped = new ArrayList<>(lines);
        swapped.set(target, lines.get(target + 1));
        swapped.set(target + 1, lines.get(target));
        assertBroken(OfflineVerifier.run(write(dir, "swapped.jsonl", swapped), key), targetSequence, "two events swapped");

        List<String> truncated = new ArrayList<>(lines.subList(0, target));
        lines.stream().filter(line -> line.contains("\"type\":\"checkpoint\"")).forEach(truncated::add);
        assertBroken(OfflineVerifier.run(write(dir, "truncated.jsonl", truncated), key), targetSequence, "a cut tail");

        assertTrue(lines.get(lines.size() - 1).startsWith("{\"type\":\"seal\""), "the seal closes the export");
        List<String> badSignature = new ArrayList<>(lines);
        int last = badSignature.size() - 2; // the newest checkpoint, before the seal
        JsonObject checkpointLine = Json.createReader(new StringReader(lines.get(last))).readObject();
        byte[] signatureBytes = Base64.getDecoder().decode(checkpointLine.getString("signature"));
        signatureBytes[0] ^= 1;
        badSignature.set(last, Json.createObjectBuilder(checkpointLine)
                .add("signature", Base64.getEncoder().encodeToString(signatureBytes)).build().toString());
        OfflineVerifier.Verdict forged = OfflineVerifier.run(write(dir, "signature.jsonl", badSignature), key);
        assertEquals(1, forged.exit(), forged.output());
        assertTrue(forged.output().contains("signature"), forged.output());

        // the events after the newest checkpoint are signed by the export's seal: a tail cut after the checkpoint is
        // broken, and without the seal and the checkpoints nothing is signed (exit 3, never OK)
        List<String> current = api.get("api/v1/audit/export", auditor).body().lines().toList();
        OfflineVerifier.Verdict sealed = OfflineVerifier.run(write(dir, "current.jsonl", current), key);
        assertEquals(0, sealed.exit(), sealed.output());
        assertTrue(sealed.output().contains("covered by the seal only"), sealed.output());
        List<String> cut = new ArrayList<>(current.stream().filter(line -> !line.contains("\"type\":\"event\"")
                || Json.createReader(new StringReader(line)).readObject().getJsonNumber("sequence").longValue() <= size)
                .toList());
        cut.set(0, cut.get(0).replaceFirst("\"to\":\\d+", "\"to\":" + size));
        OfflineVerifier.Verdict cutVerdict = OfflineVerifier.run(write(dir, "cut.jsonl", cut), key);
        assertEquals(1, cutVerdict.exit(), cutVerdict.output());
        assertTrue(cutVerdict.output().startsWith("BROKEN at the seal:"), cutVerdict.output());
        List<String> unsigned = current.stream().filter(line -> line.contains("\"type\":\"event\"")
                || line.contains("\"type\":\"header\"")).toList();
        OfflineVerifier.Verdict unsignedVerdict = OfflineVerifier.run(write(dir, "unsigned.jsonl", unsigned), key);
        assertEquals(3, unsignedVerdict.exit(), unsignedVerdict.output());
        assertTrue(unsignedVerdict.output().startsWith("UNSIGNED"), unsignedVerdict.output());
    }

    @Test
    void tamperingInTheDatabaseIsFoundAtTheRightSequenceEvenWhenTheChainIsRewritten() throws Exception {
        Api api = api();
        String auditor = api.token("auditor");
        api.get("api/v1/tickets", api.token("agent.eu"));
        api.get("api/v1/tickets", api.token("agent.us"));
        JsonObject signed = checkpoint(api, auditor);
        long size = signed.getJsonNumber("treeSize").longValue();
        long a = size - 3;

        // two events swap places
        Sql.script("update audit_event set sequence = -1 where sequence = " + a,
                "update audit_event set sequence = " + a + " where sequence = " + (a + 1),
                "update audit_event set sequence = " + (a + 1) + " where sequence = -1");
        try {
            assertBrokenAt(api, auditor, a);
        } finally {
            Sql.script("update audit_event set sequence = -1 where sequence = " + a,
                    "update audit_event set sequence = " + a + " where sequence = " + (a + 1),
                    "update audit_event set sequence = " + (a + 1) + " where sequence = -1");
        }
        assertOk(api, auditor);

        // one stored value changed at a time, as verification reads it straight off PostgreSQL's wire: the time by a
        // millisecond, to '±infinity' (not times at all), to the years near PostgreSQL's last timestamp (where the
        // shift to the Unix epoch would overflow) and before the Gregorian calendar, a quote into a text (the
        // escaping path), and each stored hash on its own
        Sql.script("create table it_cell_backup as select * from audit_event where sequence = " + a);
        try {
            for (String change : new String[] {"occurred_at = occurred_at + interval '1 millisecond'",
                "occurred_at = 'infinity'", "occurred_at = '-infinity'", "occurred_at = '294270-01-01 00:00:00+00'",
                "occurred_at = '1500-01-01 00:00:00+00'", "fields = coalesce(left(fields, 1000), '') || '\"'", "hash = previous_hash",
                "previous_hash = hash", "leaf_hash = hash"}) {
                Sql.script("update audit_event set " + change + " where sequence = " + a);
                try {
                    assertBrokenAt(api, auditor, a);
                } finally {
                    Sql.script("delete from audit_event where sequence = " + a,
                            "insert into audit_event select * from it_cell_backup");
                }
            }
        } finally {
            Sql.script("drop table it_cell_backup");
        }
        assertOk(api, auditor);

        // an attacker changes an event and recomputes every later hash and leaf: the chain holds, the signed root
        // does not (the first event after the last good checkpoint is reported)
        long previousCheckpoint = Sql.longValue("select coalesce(max(tree_size), 0) from audit_checkpoint"
                + " where tree_size < ?", size);
        Sql.script("create table it_rewrite_backup as select * from audit_event where sequence >= " + a
                + " and sequence <= " + size);
        try {
            rewriteChainFrom(a, size);
            JsonObject broken = api.get("api/v1/audit/verify", auditor).json();
            assertEquals("BROKEN", broken.getString("status"), broken.toString());
            assertEquals(previousCheckpoint + 1, broken.getJsonNumber("firstBadSequence").longValue(), broken.toString());
            assertTrue(broken.getString("reason").contains("signed root"), broken.toString());
            String operator = api.token("operator");
            Reply started = api.post("api/v1/jobs/audit-verify", operator, null);
            assertEquals(202, started.status(), started.toString());
            JsonObject execution = api.awaitJob(operator, started.json().getJsonNumber("executionId").longValue());
            assertEquals("BROKEN firstBadSequence=" + (previousCheckpoint + 1), execution.getString("exitStatus"),
                    "the batch job applies the same checkpoint rule: " + execution);
        } finally {
            Sql.script("delete from audit_event where sequence >= " + a + " and sequence <= " + size,
                    "insert into audit_event select * from it_rewrite_backup", "drop table it_rewrite_backup");
        }
        assertOk(api, auditor);

        // the tail is cut and the head moved back to match: a checkpoint signed a longer trail
        long cut = size - 1;
        Sql.script("create table it_tail_backup as select * from audit_event where sequence >= " + cut,
                "create table it_head_backup as select * from audit_chain_head");
        try {
            Sql.script("delete from audit_event where sequence >= " + cut);
            Sql.update("update audit_chain_head set last_sequence = ?, last_hash = (select hash from audit_event"
                    + " where sequence = ?)", cut - 1, cut - 1);
            JsonObject broken = api.get("api/v1/audit/verify", auditor).json();
            assertEquals("BROKEN", broken.getString("status"), broken.toString());
            assertEquals(cut, broken.getJsonNumber("firstBadSequence").longValue(), broken.toString());
        } finally {
            Sql.script("delete from audit_event where sequence >= " + cut,
                    "insert into audit_event select * from it_tail_backup", "drop table it_tail_backup",
                    "delete from audit_chain_head", "insert into audit_chain_head select * from it_head_backup",
                    "drop table it_head_backup");
        }
        assertOk(api, auditor);
    }

    @Test
    void siemDeliveryWaitsForADownCollectorThenDeliversEveryEventOnceAndInOrder() throws Exception {
        Api api = api();
        // nothing has listened on the collector port since the server started
        JsonObject down = api.health("siem-delivery");
        assertEquals("true", down.getString("configured"), down.toString());
        assertTrue(down.containsKey("lastError"), "the failure is visible: " + down);
        assertTrue(Long.parseLong(down.getString("backlog")) > 0, down.toString());
        api.get("api/v1/tickets", api.token("agent.eu"));
        long target = Sql.longValue("select last_sequence from audit_chain_head");

        List<Long> received = Collections.synchronizedList(new ArrayList<>());
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        try (SiemCollector collector = SiemCollector.open(data -> frames(data, received, messages))) {
            Instant deadline = Instant.now().plusSeconds(90);
            while (!received.contains(target) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
        }
        assertTrue(received.contains(target), "delivered up to " + target + " after the collector came up; got "
                + (received.isEmpty() ? "nothing" : received.get(0) + ".." + received.get(received.size() - 1)));
        List<Long> inOrder = new ArrayList<>(received);
        for (int i = 1; i < inOrder.size(); i++) {
            assertEquals(inOrder.get(i - 1) + 1, inOrder.get(i), "each event once, in order, no gap");
        }
        assertEquals(1L, inOrder.get(0), "nothing was lost while the collector was down");
        String first = messages.get(0);
        assertTrue(first.startsWith("<110>1 ") && first.contains("[custodian@32473 seq=\"1\""), first);
        JsonObject up = api.health("siem-delivery");
        assertTrue(Long.parseLong(up.getString("deliveredSequence")) >= target, up.toString());
    }

    // ---------------------------------------------------------------- helpers

    /** RFC 6587 octet-counted syslog frames, as one connection delivered them. */
    private static void frames(byte[] data, List<Long> sequences, List<String> messages) {
        Pattern seq = Pattern.compile("seq=\"(\\d+)\"");
        int at = 0;
        while (at < data.length) {
            int space = at;
            while (data[space] != ' ') {
                space++;
            }
            int length = Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII));
            String message = new String(data, space + 1, length, StandardCharsets.UTF_8);
            Matcher matcher = seq.matcher(message);
            if (matcher.find()) {
                sequences.add(Long.parseLong(matcher.group(1)));
            }
            messages.add(message);
            at = space + 1 + length;
        }
    }

    private static JsonObject checkpoint(Api api, String auditor) {
        Reply made = api.post("api/v1/audit/checkpoints", auditor, "");
        assertEquals(200, made.status(), made.toString());
        return made.json();
    }

    private static void assertOk(Api api, String auditor) {
        JsonObject result = api.get("api/v1/audit/verify", auditor).json();
        assertEquals("OK", result.getString("status"), "restored: " + result);
    }

    private static void assertBrokenAt(Api api, String auditor, long sequence) {
        JsonObject broken = api.get("api/v1/audit/verify", auditor).json();
        assertEquals("BROKEN", broken.getString("status"), broken.toString());
        assertEquals(sequence, broken.getJsonNumber("firstBadSequence").longValue(), broken.toString());
    }

    private static void assertBroken(OfflineVerifier.Verdict verdict, long sequence, String what) {
        assertEquals(1, verdict.exit(), what + ": " + verdict.output());
        assertTrue(verdict.output().startsWith("BROKEN at sequence " + sequence + ":"), what + ": " + verdict.output());
    }

    private static Path write(Path dir, String name, List<String> lines) throws Exception {
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    /** What an attacker with database access but no signing key can do: a consistent chain over changed data. */
    private static void rewriteChainFrom(long first, long last) throws Exception {
        Sql.update("update audit_event set actor = 'mallory' where sequence = ?", first);
        String previous = Sql.text("select previous_hash from audit_event where sequence = ?", first);
        for (long sequence = first; sequence <= last; sequence++) {
            Sql.update("update audit_event set previous_hash = ? where sequence = ?", previous, sequence);
            String canonical = canonicalFromDatabase(sequence);
            String hash = HEX.formatHex(sha256(new byte[0], canonical.getBytes(StandardCharsets.UTF_8)));
            String leaf = HEX.formatHex(sha256(new byte[] {0}, canonical.getBytes(StandardCharsets.UTF_8)));
            Sql.update("update audit_event set hash = ?, leaf_hash = ? where sequence = ?", hash, leaf, sequence);
            previous = hash;
        }
        Sql.update("update audit_chain_head set last_hash = ? where last_sequence = ?", previous, last);
    }

    private static String canonicalFromDatabase(long sequence) throws Exception {
        String[] columns = {"actor", "actor_roles", "action", "resource_type", "resource_id", "fields", "outcome",
            "request_id", "client_address", "previous_hash"};
        String[] values = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = Sql.text("select " + columns[i] + " from audit_event where sequence = ?", sequence);
        }
        Instant occurredAt = Instant.parse(Sql.text("select to_char(occurred_at at time zone 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') from audit_event where sequence = ?", sequence));
        return AuditEvent.canonicalForm(sequence, occurredAt, values[0], values[1], values[2], values[3], values[4],
                values[5], values[6], values[7], values[8], values[9].trim());
    }

    private static boolean signatureValid(JsonObject checkpoint, PublicKey key) throws Exception {
        String statement = "custodian-checkpoint-v1\ntree-size " + checkpoint.getJsonNumber("treeSize").longValue()
                + "\nroot " + checkpoint.getString("rootHash") + "\nchain " + checkpoint.getString("chainHash")
                + "\ntime " + checkpoint.getString("createdAt") + "\n";
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(statement.getBytes(StandardCharsets.UTF_8));
        return signature.verify(Base64.getDecoder().decode(checkpoint.getString("signature")));
    }

    private static PublicKey publicKey(String pem) throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
    }

    private static List<byte[]> hashes(JsonObject object, String field) {
        List<byte[]> hashes = new ArrayList<>();
        object.getJsonArray(field).forEach(value -> hashes.add(HEX.parseHex(((JsonString) value).getString())));
        return hashes;
    }
}
