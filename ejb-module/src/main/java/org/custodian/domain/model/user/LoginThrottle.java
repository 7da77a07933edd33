package org.custodian.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-in attempts for one submitted username (known or not, so the answer never tells
 * which usernames exist). After {@code freeAttempts} failures every further attempt is refused
 * until a back-off that doubles with each extra failure has passed. Failures are forgotten only
 * after a whole quiet window with none, so a steady attacker never earns the free attempts back.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

    @Id
    @Column(length = 64)
    private String username;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    protected LoginThrottle() {
        // for JPA
    }

    public LoginThrottle(String username, Instant now) {
        this.username = username;
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

    public String getUsername() {
        return username;
    }

    public int getFailures() {
        return failures;
    }
}
