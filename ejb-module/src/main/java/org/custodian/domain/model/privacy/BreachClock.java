package org.custodian.domain.model.privacy;

import java.time.Duration;
import java.time.Instant;

/**
 * The Art. 33(1) clock of a personal-data breach: the supervisory authority is to be notified within 72 hours of
 * the controller becoming aware of it; a later notification must give the reasons for the delay. A warning goes to
 * the privacy officers at a configurable point before that (by default 48 hours after awareness) and at the deadline.
 */
public final class BreachClock {

    /** Art. 33(1): "not later than 72 hours after having become aware of it". */
    public static final Duration DEADLINE = Duration.ofHours(72);
    public static final Duration DEFAULT_WARNING_AFTER = Duration.ofHours(48);

    private BreachClock() {
    }

    public static Instant dueAt(Instant awareAt) {
        return awareAt.plus(DEADLINE);
    }

    /** Whether {@code after} is a usable warning point: after awareness and not after the deadline. */
    public static boolean validWarningAfter(Duration after) {
        return after != null && !after.isNegative() && !after.isZero() && after.compareTo(DEADLINE) <= 0;
    }

    /** When the early warning is due; an unusable {@code after} falls back to the default (48 hours). */
    public static Instant warnAt(Instant awareAt, Duration after) {
        return awareAt.plus(validWarningAfter(after) ? after : DEFAULT_WARNING_AFTER);
    }

    /** A notification at {@code notifiedAt} is late (and needs the reasons for the delay). */
    public static boolean late(Instant awareAt, Instant notifiedAt) {
        return notifiedAt.isAfter(dueAt(awareAt));
    }

    /** Time left to the deadline at {@code now} (negative: overdue). */
    public static Duration remaining(Instant awareAt, Instant now) {
        return Duration.between(now, dueAt(awareAt));
    }

    /**
     * The next alarm of an open breach: the warning if not sent yet, else the deadline if not sent yet, else none.
     * A decided breach (notified, or decided not to notify) has none.
     */
    public static Instant nextAlarm(boolean open, Instant warnAt, Instant dueAt, Instant warningSentAt,
            Instant deadlineSentAt) {
        if (!open) {
            return null;
        }
        if (warningSentAt == null && warnAt.isBefore(dueAt)) {
            return warnAt;
        }
        return deadlineSentAt == null ? dueAt : null;
    }
}
