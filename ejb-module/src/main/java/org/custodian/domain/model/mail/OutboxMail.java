package org.custodian.domain.model.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import org.custodian.domain.shared.DeliveryAttempts;
import org.custodian.domain.shared.RetryPolicy;

/**
 * What a mail outbox row is, whoever the mail goes to (a customer's {@link OutboundMail}, a member of staff's
 * notification mail): PENDING until sent, retried with exponential backoff, FAILED after the last attempt (the dead
 * letters /health counts), SKIPPED when nothing may be sent any more. Each table has the same columns for it.
 */
@MappedSuperclass
public abstract class OutboxMail {

    public enum Status {
        PENDING, SENT, FAILED, SKIPPED
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Embedded
    private DeliveryAttempts attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected OutboxMail() {
        // for JPA
    }

    protected OutboxMail(Instant now) {
        this.status = Status.PENDING;
        this.attempts = DeliveryAttempts.dueAt(now);
        this.createdAt = now;
    }

    public void sent(Instant now) {
        attempts.succeeded();
        status = Status.SENT;
        sentAt = now;
    }

    public void skipped(String why) {
        status = Status.SKIPPED;
        attempts.skipped(why);
    }

    /**
     * An attempt failed: the next one after {@code base × 2^(attempts-1)}, at most {@code max}; after
     * {@code maxAttempts} the mail is FAILED.
     */
    public void failed(String error, Instant now, RetryPolicy policy) {
        if (attempts.failed(error, now, policy)) {
            status = Status.FAILED;
        }
    }

    public Status getStatus() {
        return status;
    }

    public DeliveryAttempts getAttempts() {
        return attempts;
    }
}
