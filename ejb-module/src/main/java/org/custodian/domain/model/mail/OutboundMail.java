package org.custodian.domain.model.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.custodian.domain.shared.RetryBackoff;

/**
 * A public comment on its way to the customer (the outbox): written with the comment, sent after commit, retried
 * with exponential backoff, FAILED after the last attempt. The text is rendered when it is sent, from the comment
 * as it then is (an erasure or a redaction in between is respected).
 */
@Entity
@Table(name = "mail_outbox")
public class OutboundMail {

    public enum Status {
        PENDING, SENT, FAILED, SKIPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    @Column(name = "comment_id", nullable = false)
    private long commentId;

    @Column(name = "message_id", nullable = false, length = 998)
    private String messageId;

    @Column(name = "in_reply_to", length = 998)
    private String inReplyTo;

    @Column(name = "reference_ids")
    private String referenceIds;

    @Column(nullable = false, length = 8)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected OutboundMail() {
        // for JPA
    }

    public OutboundMail(long ticketId, long commentId, String messageId, String inReplyTo, String referenceIds,
            String language, Instant now) {
        this.ticketId = ticketId;
        this.commentId = commentId;
        this.messageId = messageId;
        this.inReplyTo = inReplyTo;
        this.referenceIds = referenceIds;
        this.language = language;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public void sent(Instant now) {
        attempts++;
        status = Status.SENT;
        sentAt = now;
        lastError = null;
    }

    public void skipped(String why) {
        status = Status.SKIPPED;
        lastError = why;
    }

    /**
     * An attempt failed: the next one after {@code base × 2^(attempts-1)}, at most {@code max}; after
     * {@code maxAttempts} the mail is FAILED (the dead letters /health counts).
     */
    public void failed(String error, Instant now, Duration base, Duration max, int maxAttempts) {
        attempts++;
        lastError = RetryBackoff.cut(error, 500);
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
            return;
        }
        nextAttemptAt = RetryBackoff.nextAttempt(now, base, max, attempts);
    }

    public Long getId() {
        return id;
    }

    public long getTicketId() {
        return ticketId;
    }

    public long getCommentId() {
        return commentId;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getInReplyTo() {
        return inReplyTo;
    }

    public String getReferenceIds() {
        return referenceIds;
    }

    public String getLanguage() {
        return language;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }
}
