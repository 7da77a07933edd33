package org.custodian.domain.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * The one retry rule of the outboxes (customer mail, staff notification mail, webhook deliveries): after the n-th
 * failed attempt wait {@code base × 2^(n-1)}, at most {@code max}; and the error kept for the operator is cut to the
 * column's length.
 */
public final class RetryBackoff {

    private RetryBackoff() {
    }

    /** When to try again after {@code attempts} failed attempts (1 or more). */
    public static Instant nextAttempt(Instant now, Duration base, Duration max, int attempts) {
        Duration wait = base.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return now.plus(wait.compareTo(max) > 0 ? max : wait);
    }

    /** The error text as a column of {@code length} characters keeps it (null stays null). */
    public static String cut(String error, int length) {
        return error == null ? null : error.length() > length ? error.substring(0, length) : error;
    }
}
