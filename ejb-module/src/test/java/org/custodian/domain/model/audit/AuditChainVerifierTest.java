package org.custodian.domain.model.audit;

import static org.custodian.domain.model.audit.AuditTestChains.chain;
import static org.custodian.domain.model.audit.AuditTestChains.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditChainVerifierTest {

    private static final int SIZE = 10;

    /** Walks like the REST verification does: stop at the first break, then check against the head. */
    private static AuditChainVerifier verify(List<AuditEvent> stored, long headSequence, String headHash) {
        AuditChainVerifier verifier = new AuditChainVerifier();
        for (AuditEvent event : stored) {
            if (!verifier.accept(event)) {
                break;
            }
        }
        verifier.finish(headSequence, headHash);
        return verifier;
    }

    /** The head as it was when the chain was written (it is not touched by tampering with events). */
    private static AuditChainVerifier verifyAgainstOriginalHead(List<AuditEvent> original, List<AuditEvent> stored) {
        AuditEvent last = original.get(original.size() - 1);
        return verify(stored, last.getSequence(), last.getHash());
    }

    @Test
    void intactChainVerifies() {
        List<AuditEvent> events = chain(SIZE);
        AuditChainVerifier verifier = verifyAgainstOriginalHead(events, events);
        assertTrue(verifier.isIntact());
        assertNull(verifier.firstBadSequence());
        assertEquals(SIZE, verifier.verifiedCount());
        assertEquals(SIZE, verifier.lastVerifiedSequence());
        assertEquals(events.get(SIZE - 1).getHash(), verifier.lastVerifiedHash());
    }

    @Test
    void emptyChainWithGenesisHeadIsIntact() {
        AuditChainVerifier verifier = verify(List.of(), 0, AuditEvent.GENESIS_HASH);
        assertTrue(verifier.isIntact());
        assertEquals(0, verifier.verifiedCount());
    }

    @ParameterizedTest(name = "altered actor at {0}")
    @ValueSource(ints = {1, 5, 10})
    void alteredFieldIsReportedAtThatEvent(int k) {
        List<AuditEvent> events = chain(SIZE);
        set(events.get(k - 1), "actor", "someone-else");
        AuditChainVerifier verifier = verifyAgainstOriginalHead(chain(SIZE), events);
        assertFalse(verifier.isIntact());
        assertEquals(k, verifier.firstBadSequence());
        assertEquals(k - 1, verifier.verifiedCount());
    }

    @ParameterizedTest(name = "altered {0} at 4")
    @ValueSource(strings = {"actorRoles", "action", "resourceType", "resourceId", "fields", "requestId",
            "clientAddress"})
    void everyStoredTextFieldIsProtected(String field) {
        List<AuditEvent> events = chain(SIZE);
        set(events.get(3), field, "forged");
        assertEquals(4L, verifyAgainstOriginalHead(chain(SIZE), events).firstBadSequence());
    }

    @Test
    void alteredOutcomeAndTimeAreDetected() {
        List<AuditEvent> outcome = chain(SIZE);
        set(outcome.get(2), "outcome", AuditOutcome.FAILURE);
        assertEquals(3L, verifyAgainstOriginalHead(chain(SIZE), outcome).firstBadSequence());

        List<AuditEvent> time = chain(SIZE);
        set(time.get(6), "occurredAt", time.get(6).getOccurredAt().plusMillis(1));
        assertEquals(7L, verifyAgainstOriginalHead(chain(SIZE), time).firstBadSequence());
    }

    @ParameterizedTest(name = "re-hashed event at {0}")
    @ValueSource(ints = {1, 5, 9})
    void alteredEventWithRecomputedHashIsCaughtByItsSuccessor(int k) {
        // Whoever altered event k also fixed its own hash; only the next link still remembers the old one.
        List<AuditEvent> events = chain(SIZE);
        AuditEvent forged = events.get(k - 1);
        set(forged, "actor", "someone-else");
        set(forged, "hash", forged.computeHash());
        AuditChainVerifier verifier = verifyAgainstOriginalHead(chain(SIZE), events);
        assertEquals(k + 1, verifier.firstBadSequence());
        assertEquals(k, verifier.verifiedCount());
    }

    @Test
    void rehashedLastEventIsCaughtByTheHeadHash() {
        // No successor remembers the last hash; the chain head does, and finish() compares it.
        List<AuditEvent> events = chain(SIZE);
        AuditEvent last = events.get(SIZE - 1);
        set(last, "actor", "someone-else");
        set(last, "hash", last.computeHash());
        AuditChainVerifier verifier = verifyAgainstOriginalHead(chain(SIZE), events);
        assertEquals(SIZE, verifier.firstBadSequence());
    }

    @ParameterizedTest(name = "deleted event {0}")
    @ValueSource(ints = {1, 4, 9})
    void deletedEventLeavesAGapAtItsSequence(int k) {
        List<AuditEvent> events = chain(SIZE);
        events.remove(k - 1);
        AuditChainVerifier verifier = verifyAgainstOriginalHead(chain(SIZE), events);
        assertEquals(k, verifier.firstBadSequence());
        assertEquals(k - 1, verifier.verifiedCount());
    }

    @ParameterizedTest(name = "swapped {0} and {0}+1")
    @ValueSource(ints = {1, 5, 9})
    void swappedEventsAreReportedAtTheFirstSwappedPosition(int k) {
        List<AuditEvent> events = chain(SIZE);
        Collections.swap(events, k - 1, k);
        assertEquals(k, verifyAgainstOriginalHead(chain(SIZE), events).firstBadSequence());
    }

    @Test
    void swappedAndRenumberedEventsAreReportedAtTheFirstSwappedPosition() {
        // Rows swapped and their sequence numbers swapped too, so the order looks right.
        List<AuditEvent> events = chain(SIZE);
        AuditEvent a = events.get(4);
        AuditEvent b = events.get(5);
        set(a, "sequence", 6L);
        set(b, "sequence", 5L);
        Collections.swap(events, 4, 5);
        assertEquals(5L, verifyAgainstOriginalHead(chain(SIZE), events).firstBadSequence());
    }

    @Test
    void truncatedTailIsReportedAtTheFirstMissingSequence() {
        List<AuditEvent> original = chain(SIZE);
        List<AuditEvent> stored = original.subList(0, 7);
        AuditChainVerifier verifier = verifyAgainstOriginalHead(original, stored);
        assertFalse(verifier.isIntact());
        assertEquals(8L, verifier.firstBadSequence());
        assertEquals(7, verifier.verifiedCount());
    }

    @Test
    void wholeChainDeletedIsReportedAtOne() {
        List<AuditEvent> original = chain(SIZE);
        assertEquals(1L, verifyAgainstOriginalHead(original, List.of()).firstBadSequence());
    }

    @Test
    void eventsAppendedAfterTheHeadWasReadDoNotBreakVerification() {
        // The head is read before the walk; a later append is outside this verification.
        List<AuditEvent> events = chain(SIZE);
        AuditEvent head = events.get(7);
        AuditChainVerifier verifier = verify(events, head.getSequence(), head.getHash());
        assertTrue(verifier.isIntact());
    }

    @Test
    void firstBreakIsKeptAndLaterEventsAreNotAccepted() {
        List<AuditEvent> events = chain(SIZE);
        set(events.get(2), "actor", "someone-else");
        AuditChainVerifier verifier = new AuditChainVerifier();
        assertTrue(verifier.accept(events.get(0)));
        assertTrue(verifier.accept(events.get(1)));
        assertFalse(verifier.accept(events.get(2)));
        // even a perfectly good event cannot "repair" the walk
        assertFalse(verifier.accept(events.get(3)));
        verifier.finish(1, "whatever");  // finish must not overwrite the earlier finding
        assertEquals(3L, verifier.firstBadSequence());
        assertEquals(2, verifier.verifiedCount());
    }

    @Test
    void resumingFromACheckpointContinuesTheSameWalk() {
        List<AuditEvent> events = chain(SIZE);
        AuditChainVerifier first = new AuditChainVerifier();
        events.subList(0, 4).forEach(e -> assertTrue(first.accept(e)));

        AuditChainVerifier resumed = new AuditChainVerifier(first.lastVerifiedSequence(), first.lastVerifiedHash(),
                first.verifiedCount());
        events.subList(4, SIZE).forEach(e -> assertTrue(resumed.accept(e)));
        AuditEvent last = events.get(SIZE - 1);
        resumed.finish(last.getSequence(), last.getHash());
        assertTrue(resumed.isIntact());
        assertEquals(SIZE, resumed.verifiedCount());
        assertEquals(SIZE, resumed.lastVerifiedSequence());
    }

    @Test
    void resumedWalkStillFindsLaterTampering() {
        List<AuditEvent> events = chain(SIZE);
        set(events.get(7), "resourceId", "999");
        AuditEvent checkpoint = events.get(3);
        AuditChainVerifier resumed = new AuditChainVerifier(checkpoint.getSequence(), checkpoint.getHash(), 4);
        for (AuditEvent event : events.subList(4, SIZE)) {
            if (!resumed.accept(event)) {
                break;
            }
        }
        assertEquals(8L, resumed.firstBadSequence());
        assertEquals(7, resumed.verifiedCount());
    }

    @Test
    void resumingWithAWrongCheckpointHashFailsAtTheNextEvent() {
        List<AuditEvent> events = chain(SIZE);
        AuditChainVerifier resumed = new AuditChainVerifier(4, "f".repeat(64), 4);
        assertFalse(resumed.accept(events.get(4)));
        assertEquals(5L, resumed.firstBadSequence());
    }

    @Test
    void firstBadInChecksOneLink() {
        List<AuditEvent> events = chain(3);
        AuditEvent second = events.get(1);
        String firstHash = events.get(0).getHash();

        assertNull(AuditChainVerifier.firstBadIn(events.get(0), 1, AuditEvent.GENESIS_HASH));
        assertNull(AuditChainVerifier.firstBadIn(second, 2, firstHash));
        // wrong position: the expected sequence is reported (the gap), not the event's own
        assertEquals(1L, AuditChainVerifier.firstBadIn(second, 1, AuditEvent.GENESIS_HASH));
        assertEquals(3L, AuditChainVerifier.firstBadIn(second, 3, firstHash));
        // right position but pointing elsewhere
        assertEquals(2L, AuditChainVerifier.firstBadIn(second, 2, AuditEvent.GENESIS_HASH));

        set(second, "hash", "a".repeat(64));
        assertEquals(2L, AuditChainVerifier.firstBadIn(second, 2, firstHash), "stored hash no longer matches");
    }

    @Test
    void firstBadInDetectsAlteredContent() {
        AuditEvent event = chain(1).get(0);
        set(event, "fields", "status");
        assertEquals(1L, AuditChainVerifier.firstBadIn(event, 1, AuditEvent.GENESIS_HASH));
    }
}
