package org.custodian.domain.model.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.custodian.domain.shared.DeliveryAttempts;
import org.custodian.domain.shared.RetryPolicy;

/**
 * One event on its way to one webhook (the outbox row): written with the change, sent after commit, retried with
 * exponential backoff, DEAD (the dead-letter list) after the last attempt, PENDING again on a replay. The message
 * id is made once, so every retry and replay carries the same {@code webhook-id}. The payload is rendered when it
 * is sent, as the account's policy then shows the record (an erasure or a masking change in between holds).
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status {
        PENDING, DELIVERED, DEAD, SKIPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
    @SequenceGenerator(name = "webhook_delivery_seq", sequenceName = "webhook_delivery_seq", allocationSize = 50)
    private Long id;

    @Column(name = "webhook_id", nullable = false)
    private long webhookId;

    @Column(name = "message_id", nullable = false, length = 64)
    private String messageId;

    @Column(name = "event_type", nullable = false, length = 64)
    private String eventType;

    @Column(name = "resource_type", nullable = false, length = 16)
    private String resourceType;

    @Column(name = "resource_id", nullable = false)
    private long resourceId;

    @Column(name = "comment_id")
    private Long commentId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Embedded
    private DeliveryAttempts attempts;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "dead_at")
    private Instant deadAt;

    @Version
    private long version;

    protected WebhookDelivery() {
        // for JPA
    }

    public WebhookDelivery(long webhookId, String messageId, String eventType, String resourceType, long resourceId,
            Long commentId, Instant now) {
        this.webhookId = webhookId;
        this.messageId = messageId;
        this.eventType = eventType;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.commentId = commentId;
        this.occurredAt = now;
        this.status = Status.PENDING;
        this.attempts = DeliveryAttempts.dueAt(now);
    }

    public void delivered(int httpStatus, Instant now) {
        attempts.succeeded();
        status = Status.DELIVERED;
        lastStatus = httpStatus;
        deliveredAt = now;
    }

    public void skipped(String why) {
        status = Status.SKIPPED;
        attempts.skipped(why);
    }

    /**
     * An attempt failed: the next one after {@code base × 2^(attempts-1)}, at most {@code max}; after
     * {@code maxAttempts} the delivery is DEAD (listed, replayable), and later events of its resource go on.
     */
    public void failed(Integer httpStatus, String error, Instant now, RetryPolicy policy) {
        lastStatus = httpStatus;
        if (attempts.failed(error, now, policy)) {
            status = Status.DEAD;
            deadAt = now;
        }
    }

    /** A dead letter sent again: a fresh round of attempts, the same message id. */
    public void replay(Instant now) {
        status = Status.PENDING;
        attempts.restart(now);
        deadAt = null;
    }

    public Long getId() {
        return id;
    }

    public long getWebhookId() {
        return webhookId;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getResourceType() {
        return resourceType;
    }

    public long getResourceId() {
        return resourceId;
    }

    public Long getCommentId() {
        return commentId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Status getStatus() {
        return status;
    }

    public DeliveryAttempts getAttempts() {
        return attempts;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public Instant getDeadAt() {
        return deadAt;
    }
}
