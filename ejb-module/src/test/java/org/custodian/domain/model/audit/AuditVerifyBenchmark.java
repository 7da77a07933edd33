package org.custodian.domain.model.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * CPU cost of verifying the audit trail (chain hash, leaf hash, Merkle edge and checkpoint roots, i.e. everything
 * AuditTrailVerifier does per event) against raw SHA-256 over the same canonical bytes, single-threaded; and of
 * the append step (sealing an event and extending the tree edge, without the database). Not a test: run with
 * {@code ./mvnw -q -pl ejb-module -Pbench test}.
 */
public final class AuditVerifyBenchmark {

    private static final int EVENTS = 1_000_000;
    private static final int ROUNDS = 5;

    private AuditVerifyBenchmark() {
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        System.out.println("Building " + EVENTS + " chained events in memory...");
        List<AuditEvent> events = new ArrayList<>(EVENTS);
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        MerkleFrontier frontier = new MerkleFrontier();
        String previous = AuditEvent.GENESIS_HASH;
        Instant start = Instant.parse("2026-11-23T00:00:00Z");
        long appendNanos = System.nanoTime();
        for (int i = 1; i <= EVENTS; i++) {
            AuditRecord record = new AuditRecord("agent.eu", "AGENT", "TICKET_READ", "TICKET", String.valueOf(i),
                    "basis=OWN_REGION,class=CONFIDENTIAL,description~masked,status,subject~masked", AuditOutcome.SUCCESS,
                    "3f1c2a9e-7d4b-4a8e-9c1d-2b5e6f7a8b9c", "10.0.0.7");
            AuditEvent event = new AuditEvent(i, start.plusMillis(i), record, previous);
            frontier.append(HexFormat.of().parseHex(event.getLeafHash()));
            previous = event.getHash();
            events.add(event);
            if (i % 100_000 == 0) {
                checkpoints.add(new AuditCheckpoint(i, HexFormat.of().formatHex(frontier.root()), previous,
                        start, "Ed25519", "bench", "unsigned"));
            }
        }
        double appendSeconds = (System.nanoTime() - appendNanos) / 1e9;
        System.out.printf("append (seal + tree edge, no database): %,.0f events/s%n", EVENTS / appendSeconds);

        List<byte[]> canonical = new ArrayList<>(EVENTS);
        for (AuditEvent event : events) {
            canonical.add(event.canonicalForm().getBytes(StandardCharsets.UTF_8));
        }
        // the events as PostgreSQL sends them (what GET /api/v1/audit/verify hashes): UTF-8 columns, micros
        List<byte[][]> wire = new ArrayList<>(EVENTS);
        for (AuditEvent event : events) {
            wire.add(new byte[][] {utf8(event.getActor()), utf8(event.getActorRoles()), utf8(event.getAction()),
                utf8(event.getResourceType()), utf8(event.getResourceId()), utf8(event.getFields()),
                utf8(event.getOutcome().name()), utf8(event.getRequestId()), utf8(event.getClientAddress()),
                utf8(event.getPreviousHash()), utf8(event.getHash()), utf8(event.getLeafHash())});
        }
        double best = 0;
        double bestWire = 0;
        double bestRaw = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            AuditTrailVerifier verifier = new AuditTrailVerifier(checkpoints, checkpoint -> true);
            for (AuditEvent event : events) {
                verifier.accept(event);
            }
            verifier.finish(EVENTS, previous);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!verifier.isIntact() || verifier.checkpointsVerified() != checkpoints.size()) {
                throw new IllegalStateException("benchmark trail did not verify: " + verifier.reason());
            }
            long tw = System.nanoTime();
            AuditTrailVerifier fromWire = new AuditTrailVerifier(checkpoints, checkpoint -> true);
            for (int i = 0; i < EVENTS; i++) {
                AuditEvent event = events.get(i);
                byte[][] columns = wire.get(i);
                long micros = event.getOccurredAt().getEpochSecond() * 1_000_000L + event.getOccurredAt().getNano() / 1000;
                AuditEvent.Digests digests = AuditEvent.storedDigests(event.getSequence(), micros, columns[0],
                        columns[1], columns[2], columns[3], columns[4], columns[5], columns[6], columns[7], columns[8],
                        columns[9]);
                fromWire.accept(new StoredLink(event.getSequence(), columns[9], columns[10], columns[11],
                        event.getAction(), event.getResourceId(), digests));
            }
            fromWire.finish(EVENTS, previous);
            double wireSeconds = (System.nanoTime() - tw) / 1e9;
            if (!fromWire.isIntact() || fromWire.checkpointsVerified() != checkpoints.size()) {
                throw new IllegalStateException("benchmark trail did not verify from its bytes: " + fromWire.reason());
            }
            bestWire = Math.max(bestWire, EVENTS / wireSeconds);
            long t1 = System.nanoTime();
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte sink = 0;
            for (byte[] bytes : canonical) {
                sink ^= sha256.digest(bytes)[0];
            }
            double rawSeconds = (System.nanoTime() - t1) / 1e9;
            best = Math.max(best, EVENTS / seconds);
            bestRaw = Math.max(bestRaw, EVENTS / rawSeconds);
            System.out.printf("round %d: verify %,.0f events/s, from stored bytes %,.0f events/s, raw SHA-256"
                    + " %,.0f hashes/s (%d)%n", round + 1, EVENTS / seconds, EVENTS / wireSeconds, EVENTS / rawSeconds,
                    sink);
        }
        System.out.printf("best from stored bytes (the path GET /api/v1/audit/verify takes after the driver):"
                + " %,.0f events/s = %.2f x raw SHA-256%n", bestWire, bestWire / bestRaw);
        System.out.printf("best: verify %,.0f events/s = %.2f x raw SHA-256 (%,.0f/s); target 500,000 events/s%n",
                best, best / bestRaw, bestRaw);
    }
}
