package org.custodian.domain.model.review;

import java.time.Duration;
import java.time.Instant;

/** When a campaign's reviewers are reminded and when its deadline acts. */
public final class ReviewTiming {

    /** Reminders go out at most once a day. */
    public static final Duration REMINDER_SPACING = Duration.ofDays(1);

    private ReviewTiming() {
    }

    /** Within {@code lead} before the deadline (not after it), and no reminder in the last day. */
    public static boolean reminderDue(Instant now, Instant deadline, Instant lastReminder, Duration lead) {
        return now.isBefore(deadline) && !now.isBefore(deadline.minus(lead))
                && (lastReminder == null || !now.isBefore(lastReminder.plus(REMINDER_SPACING)));
    }

    /** The deadline has come and its work was not done yet (the timer may fire late, or twice). */
    public static boolean deadlineDue(Instant now, Instant deadline, Instant handledAt) {
        return handledAt == null && !now.isBefore(deadline);
    }

    /** What the deadline does to one item. */
    public enum Action { NONE, REVOKE, ESCALATE }

    public static Action atDeadline(ItemState state, DeadlinePolicy policy) {
        if (state != ItemState.PENDING) {
            return Action.NONE; // decided, or already escalated
        }
        return policy == DeadlinePolicy.REVOKE ? Action.REVOKE : Action.ESCALATE;
    }
}
