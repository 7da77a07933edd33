package org.custodian.domain.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The attempts of one outbox row (customer mail, staff notification mail, webhook delivery): how many were made,
 * when the next is due and why the last one failed. The row keeps its own status, whose words differ per outbox
 * (SENT/FAILED, DELIVERED/DEAD); the columns are the same in every outbox table.
 */
@Embeddable
public class DeliveryAttempts {

    /** The {@code last_error} column's length. */
    private static final int ERROR_LENGTH = 500;

    @Column(name = "attempts", nullable = false)
    private int count;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAt;

    @Column(name = "last_error", length = ERROR_LENGTH)
    private String lastError;

    protected DeliveryAttempts() {
        // for JPA
    }

    /** None made yet; the first is due {@code now}. */
    public static DeliveryAttempts dueAt(Instant now) {
        DeliveryAttempts attempts = new DeliveryAttempts();
        attempts.nextAt = now;
        return attempts;
    }

    /** An attempt went through: counted, and the last error forgotten. */
    public void succeeded() {
        count++;
        lastError = null;
    }

    /** Nothing is to be sent any more; {@code why} is kept where the error would be. */
    public void skipped(String why) {
        lastError = RetryBackoff.cut(why, ERROR_LENGTH);
    }

    /**
     * An attempt failed: the next one after the policy's {@code base × 2^(attempts-1)}, at most its {@code max}.
     * Answers true when that was the last of its {@code maxAttempts} (the row is then a dead letter and no next one is planned).
     */
    public boolean failed(String error, Instant now, RetryPolicy policy) {
        count++;
        lastError = RetryBackoff.cut(error, ERROR_LENGTH);
        if (count >= policy.maxAttempts()) {
            return true;
        }
        nextAt = RetryBackoff.nextAttempt(now, policy.base(), policy.max(), count);
        return false;
    }

    /** A fresh round (a dead letter replayed): none made, the first due {@code now}; the last error stays. */
    public void restart(Instant now) {
        count = 0;
        nextAt = now;
    }

    public int getCount() {
        return count;
    }

    public Instant getNextAt() {
        return nextAt;
    }

    public String getLastError() {
        return lastError;
    }
}
