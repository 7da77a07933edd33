package org.custodian.domain.model.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.junit.jupiter.api.Test;

class ReviewTimingTest {

    private static final Instant DEADLINE = Instant.parse("2026-04-15T06:00:00Z");
    private static final Duration LEAD = Duration.ofDays(3);

    @Test
    void remindersStartWithinTheLeadAndComeOnceADayUntilTheDeadline() {
        assertFalse(ReviewTiming.reminderDue(DEADLINE.minus(Duration.ofDays(4)), DEADLINE, null, LEAD), "too early");
        Instant first = DEADLINE.minus(Duration.ofDays(3));
        assertTrue(ReviewTiming.reminderDue(first, DEADLINE, null, LEAD));
        assertFalse(ReviewTiming.reminderDue(first.plus(Duration.ofHours(23)), DEADLINE, first, LEAD),
                "not twice a day");
        assertTrue(ReviewTiming.reminderDue(first.plus(Duration.ofDays(1)), DEADLINE, first, LEAD));
        assertFalse(ReviewTiming.reminderDue(DEADLINE, DEADLINE, null, LEAD), "no reminder once the deadline came");
        assertFalse(ReviewTiming.reminderDue(DEADLINE.minusSeconds(60), DEADLINE, null, Duration.ZERO), "0: off");
    }

    @Test
    void theDeadlineActsOnceWhenItHasCome() {
        assertFalse(ReviewTiming.deadlineDue(DEADLINE.minusMillis(1), DEADLINE, null));
        assertTrue(ReviewTiming.deadlineDue(DEADLINE, DEADLINE, null));
        assertTrue(ReviewTiming.deadlineDue(DEADLINE.plus(Duration.ofDays(9)), DEADLINE, null), "a late timer acts");
        assertFalse(ReviewTiming.deadlineDue(DEADLINE.plusSeconds(1), DEADLINE, DEADLINE), "a second firing does not");
    }

    @Test
    void theDeadlineRevokesOrEscalatesOnlyWhatNobodyDecided() {
        assertEquals(ReviewTiming.Action.REVOKE, ReviewTiming.atDeadline(ItemState.PENDING, DeadlinePolicy.REVOKE));
        assertEquals(ReviewTiming.Action.ESCALATE,
                ReviewTiming.atDeadline(ItemState.PENDING, DeadlinePolicy.ESCALATE));
        for (ItemState decided : new ItemState[] {ItemState.KEPT, ItemState.REVOKED, ItemState.ESCALATED,
            ItemState.UNREVIEWED}) {
            assertEquals(ReviewTiming.Action.NONE, ReviewTiming.atDeadline(decided, DeadlinePolicy.REVOKE), decided
                    .name());
        }
    }

    @Test
    void anItemIsDecidedOnceAnEscalatedOneStillCanBeAndCloseMarksTheRest() {
        AccessReviewItem item = new AccessReviewItem(1, "agent.eu", ItemKind.ROLE, "AGENT", "role AGENT", "sup");
        item.escalate();
        assertEquals(ItemState.ESCALATED, item.getState());
        item.decide(true, "sup", "still works tickets", DEADLINE);
        assertEquals(ItemState.KEPT, item.getState());
        assertThrows(DomainRuleViolationException.class, () -> item.decide(false, "sup", "changed my mind", DEADLINE));
        item.closeUndecided();
        assertEquals(ItemState.KEPT, item.getState(), "a decision survives the close");
        AccessReviewItem open = new AccessReviewItem(1, "agent.eu", ItemKind.REGION, "EU", "region EU", "sup");
        open.closeUndecided();
        assertEquals(ItemState.UNREVIEWED, open.getState());
    }

    @Test
    void policiesParseFromTheirNames() {
        assertEquals(DeadlinePolicy.REVOKE, DeadlinePolicy.parse(" Revoke "));
        assertEquals(DeadlinePolicy.ESCALATE, DeadlinePolicy.parse("escalate"));
        assertEquals(null, DeadlinePolicy.parse("ignore"));
    }
}
