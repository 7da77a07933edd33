package org.custodian.domain.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.junit.jupiter.api.Test;

class PrivacyRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static PrivacyRequest erasure(Instant received) {
        return new PrivacyRequest(PrivacyRequestType.ERASURE, Set.of(7L, 9L), "ann@example.com", null, received,
                null, "privacy", NOW);
    }

    @Test
    void isDueThirtyDaysAfterReceiptAndOverdueAfterThat() {
        PrivacyRequest request = erasure(NOW.minus(Duration.ofDays(31)));
        assertEquals(NOW.minus(Duration.ofDays(1)), request.getDueAt());
        assertTrue(request.isOverdue(NOW));
        assertFalse(erasure(null).isOverdue(NOW));
        assertEquals(NOW, erasure(null).getReceivedAt());
    }

    @Test
    void goesFromReceivedThroughVerifiedAndInProgressToCompleted() {
        PrivacyRequest request = erasure(null);
        assertThrows(DomainRuleViolationException.class, () -> request.start(null, NOW), "identity first");
        request.verifyIdentity("ID card checked at the front desk", "privacy", NOW);
        assertEquals(PrivacyRequestStatus.VERIFIED, request.getStatus());
        request.start(null, NOW);
        assertEquals(PrivacyRequestStatus.IN_PROGRESS, request.getStatus());
        DomainRuleViolationException manual = assertThrows(DomainRuleViolationException.class,
                () -> request.complete("Erased by hand", NOW), "an erasure completes by being carried out");
        assertTrue(manual.getMessage().contains("/erase"), manual.getMessage());
        request.carriedOut(PrivacyRequestType.ERASURE, "Erased from 2 records; audit skeleton kept", NOW);
        assertEquals(PrivacyRequestStatus.COMPLETED, request.getStatus());
        assertThrows(DomainRuleViolationException.class,
                () -> request.requireCarriedOutAs(PrivacyRequestType.ERASURE), "only once");
        assertFalse(request.isOverdue(NOW.plus(Duration.ofDays(90))), "a completed request is never overdue");
        assertThrows(DomainRuleViolationException.class, () -> request.reject("late", NOW));
        assertThrows(DomainRuleViolationException.class, () -> request.extend("late", NOW));
    }

    @Test
    void aHoldBlocksUntilStartedAgainWithoutIt() {
        PrivacyRequest request = erasure(null);
        request.verifyIdentity("Signed letter matched the customer record", "privacy", NOW);
        request.start(55L, NOW);
        assertEquals(PrivacyRequestStatus.BLOCKED_BY_HOLD, request.getStatus());
        assertEquals(55L, request.getBlockingHoldId());
        request.start(null, NOW);
        assertEquals(PrivacyRequestStatus.IN_PROGRESS, request.getStatus());
        assertEquals(null, request.getBlockingHoldId());
    }

    @Test
    void aHoldPlacedAfterTheStartBlocksTheErasureAndOnlyAnErasureIsErasable() {
        PrivacyRequest request = erasure(null);
        assertThrows(DomainRuleViolationException.class,
                () -> request.requireCarriedOutAs(PrivacyRequestType.ERASURE), "not started");
        request.verifyIdentity("Video call", "privacy", NOW);
        request.start(null, NOW);
        request.blockedBy(77L, NOW);
        assertEquals(PrivacyRequestStatus.BLOCKED_BY_HOLD, request.getStatus());
        assertEquals(77L, request.getBlockingHoldId());
        assertThrows(DomainRuleViolationException.class,
                () -> request.carriedOut(PrivacyRequestType.ERASURE, "no", NOW));

        PrivacyRequest access = new PrivacyRequest(PrivacyRequestType.ACCESS, Set.of(7L), null, null, null, null,
                "privacy", NOW);
        access.verifyIdentity("Video call", "privacy", NOW);
        access.start(null, NOW);
        assertThrows(DomainRuleViolationException.class,
                () -> access.requireCarriedOutAs(PrivacyRequestType.ERASURE));
        access.complete("Package sent", NOW);
        assertEquals(PrivacyRequestStatus.COMPLETED, access.getStatus());
    }

    @Test
    void canBeExtendedOnceBySixtyDaysWithAReason() {
        PrivacyRequest request = erasure(null);
        assertThrows(DomainRuleViolationException.class, () -> request.extend(" ", NOW));
        request.extend("Two systems to search; subject informed", NOW);
        assertEquals(NOW.plus(Duration.ofDays(90)), request.getDueAt());
        assertThrows(DomainRuleViolationException.class, () -> request.extend("again", NOW));
    }

    @Test
    void needsATypeASubjectAndNoFutureReceipt() {
        assertThrows(DomainRuleViolationException.class, () -> new PrivacyRequest(null, Set.of(1L), null, null,
                null, null, "privacy", NOW));
        assertThrows(DomainRuleViolationException.class, () -> new PrivacyRequest(PrivacyRequestType.ACCESS,
                Set.of(), null, null, null, null, "privacy", NOW));
        assertThrows(DomainRuleViolationException.class, () -> new PrivacyRequest(PrivacyRequestType.ACCESS,
                Set.of(1L), null, null, NOW.plusSeconds(60), null, "privacy", NOW));
    }
}
