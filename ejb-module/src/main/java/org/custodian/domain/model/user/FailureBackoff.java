package org.custodian.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-in attempts counted against one key (a submitted username, or a source address). After
 * {@code freeAttempts} failures every further attempt is refused until a back-off that doubles with each extra
 * failure has passed. Failures are forgotten only after a whole quiet window with none, so a steady attacker never
 * earns the free attempts back.
 */
@MappedSuperclass
public abstract class FailureBackoff {

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    protected FailureBackoff() {
        // for JPA
    }

    protected FailureBackoff(Instant now) {
        this.lastFailureAt = now;
    }

    public boolean isBlocked(Instant now) {
        return blockedUntil != null && now.isBefore(blockedUntil);
    }

    public Duration remainingBlock(Instant now) {
        return blockedUntil == null || !now.isBefore(blockedUntil) ? Duration.ZERO : Duration.between(now, blockedUntil);
    }

    public void recordFailure(Instant now, int freeAttempts, Duration window, Duration baseBlock, Duration maxBlock) {
        // quiet means a whole window without failures after the last block ended: otherwise waiting out the
        // longest block would give all the free attempts back, and codes could be guessed ten at a time
        Instant quietSince = blockedUntil != null && blockedUntil.isAfter(lastFailureAt) ? blockedUntil : lastFailureAt;
        if (Duration.between(quietSince, now).compareTo(window) > 0) {
            failures = 0;
            blockedUntil = null;
        }
        lastFailureAt = now;
        failures++;
        if (failures >= freeAttempts) {
            int extra = Math.min(failures - freeAttempts, 16);
            Duration block = baseBlock.multipliedBy(1L << extra);
            blockedUntil = now.plus(block.compareTo(maxBlock) > 0 ? maxBlock : block);
        }
    }

    /** A successful sign-in clears the record (the row stays, so later attempts can lock it). */
    public void reset() {
        failures = 0;
        blockedUntil = null;
    }

    public int getFailures() {
        return failures;
    }
}
