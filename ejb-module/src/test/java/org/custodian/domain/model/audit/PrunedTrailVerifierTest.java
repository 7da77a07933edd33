package org.custodian.domain.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verification of a trail whose first events were pruned: from the pruning point, anchored in a signed checkpoint. */
class PrunedTrailVerifierTest {

    private static final int PRUNED_TO = 6;

    /** Events 1..12; event 9 announces the pruning to 6 when {@code announced}; a checkpoint at 6 and at 12. */
    private static List<AuditEvent> trail(boolean announced) {
        List<AuditEvent> events = new ArrayList<>();
        String previous = AuditEvent.GENESIS_HASH;
        for (int i = 1; i <= 12; i++) {
            AuditRecord record = i == 9 && announced
                    ? new AuditRecord("operator", "OPERATOR", AuditPrunePoint.ACTION, "AUDIT_TRAIL", "1-" + PRUNED_TO,
                            null, AuditOutcome.SUCCESS, "req-9", null)
                    : AuditTestChains.record(i);
            AuditEvent event = new AuditEvent(i, AuditTestChains.START.plusSeconds(i), record, previous);
            events.add(event);
            previous = event.getHash();
        }
        return events;
    }

    private static MerkleFrontier frontier(List<AuditEvent> events, int size) {
        MerkleFrontier frontier = new MerkleFrontier();
        events.subList(0, size).forEach(e -> frontier.append(HexFormat.of().parseHex(e.getLeafHash())));
        return frontier;
    }

    private static AuditCheckpoint checkpoint(List<AuditEvent> events, int size) {
        return new AuditCheckpoint(size, HexFormat.of().formatHex(frontier(events, size).root()),
                events.get(size - 1).getHash(), Instant.parse("2026-03-01T00:00:00Z"), "Ed25519", "test", "signed");
    }

    private static AuditTrailVerifier verify(List<AuditEvent> events, AuditPrunePoint point,
            List<AuditCheckpoint> checkpoints) {
        AuditTrailVerifier verifier = AuditTrailVerifier.startingAt(point, checkpoints, c -> true);
        for (AuditEvent event : events.subList(PRUNED_TO, events.size())) {
            verifier.accept(event);
        }
        verifier.finish(12, events.get(11).getHash());
        return verifier;
    }

    private static AuditPrunePoint point(List<AuditEvent> events, String chainHash) {
        return new AuditPrunePoint(PRUNED_TO, chainHash, frontier(events, PRUNED_TO), Instant.now(), Instant.now(),
                PRUNED_TO, "operator", "test");
    }

    @Test
    void aTrailPrunedAtASignedCheckpointAndAnnouncedVerifiesFromThere() {
        List<AuditEvent> events = trail(true);
        AuditTrailVerifier verifier = verify(events, point(events, events.get(PRUNED_TO - 1).getHash()),
                List.of(checkpoint(events, PRUNED_TO), checkpoint(events, 12)));
        assertTrue(verifier.isIntact(), verifier.reason());
        assertEquals(6, verifier.verifiedCount());
        assertEquals(1, verifier.checkpointsVerified(), "the checkpoint after the pruning point is recomputed");
        assertEquals(PRUNED_TO, verifier.prunedTo());
    }

    @Test
    void aPruningPointWithoutItsSignedCheckpointOrWithAnotherChainHashIsTampering() {
        List<AuditEvent> events = trail(true);
        AuditTrailVerifier noCheckpoint = verify(events, point(events, events.get(PRUNED_TO - 1).getHash()),
                List.of(checkpoint(events, 12)));
        assertFalse(noCheckpoint.isIntact());
        assertEquals(PRUNED_TO, noCheckpoint.firstBadSequence());
        AuditTrailVerifier otherHash = verify(events, point(events, "0".repeat(64)),
                List.of(checkpoint(events, PRUNED_TO), checkpoint(events, 12)));
        assertFalse(otherHash.isIntact());
        assertTrue(otherHash.reason().contains("differs from the signed one"), otherHash.reason());
        AuditTrailVerifier badSignature = AuditTrailVerifier.startingAt(
                point(events, events.get(PRUNED_TO - 1).getHash()), List.of(checkpoint(events, PRUNED_TO)), c -> false);
        assertFalse(badSignature.isIntact());
    }

    @Test
    void aPruningNobodyAnnouncedInTheTrailIsTampering() {
        // e.g. events removed by hand up to a real checkpoint, with the edge computed from their leaf hashes
        List<AuditEvent> events = trail(false);
        AuditTrailVerifier verifier = verify(events, point(events, events.get(PRUNED_TO - 1).getHash()),
                List.of(checkpoint(events, PRUNED_TO), checkpoint(events, 12)));
        assertFalse(verifier.isIntact());
        assertEquals(PRUNED_TO + 1, verifier.firstBadSequence());
        assertTrue(verifier.reason().contains("no AUDIT_PRUNE event"), verifier.reason());
    }
}
