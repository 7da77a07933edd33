package org.custodian.domain.model.notification;

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
 * A notification on its way to a member of staff by mail (the outbox): written with the change it is about, sent
 * after commit, retried with exponential backoff, FAILED after the last attempt. It keeps no text: the mail is
 * rendered when sent, from the ticket as the recipient's policy view then shows it.
 */
@Entity
@Table(name = "notification_mail")
public class NotificationMail {

    public enum Status {
        PENDING, SENT, FAILED, SKIPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_mail_seq")
    @SequenceGenerator(name = "notification_mail_seq", sequenceName = "notification_mail_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 64)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_kind", nullable = false, length = 32)
    private NotificationKind kind;

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    /** Who did it, as the in-app list names them (a username, or "customer"). */
    @Column(length = 128)
    private String actor;

    /** The team's key when it went to the team as a whole (nobody in it named). */
    @Column(name = "team_key", length = 40)
    private String teamKey;

    @Column(name = "message_id", nullable = false, length = 998)
    private String messageId;

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

    protected NotificationMail() {
        // for JPA
    }

    public NotificationMail(String recipient, NotificationKind kind, long ticketId, String actor, String teamKey,
            String messageId, Instant now) {
        this.recipient = recipient;
        this.teamKey = teamKey;
        this.kind = kind;
        this.ticketId = ticketId;
        this.actor = actor;
        this.messageId = messageId;
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

    /** An attempt failed: the next after {@code base × 2^(attempts-1)}, at most {@code max}; FAILED after the last. */
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

    public String getRecipient() {
        return recipient;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public long getTicketId() {
        return ticketId;
    }

    public String getActor() {
        return actor;
    }

    public String getTeamKey() {
        return teamKey;
    }

    public String getMessageId() {
        return messageId;
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
}
