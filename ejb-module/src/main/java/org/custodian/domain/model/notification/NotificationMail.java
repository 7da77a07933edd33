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
import java.time.Instant;
import org.custodian.domain.model.mail.OutboxMail;

/**
 * A notification on its way to a member of staff by mail (the outbox, {@link OutboxMail}): written with the change it
 * is about, sent after commit. It keeps no text: the mail is rendered when sent, from the ticket as the recipient's
 * policy view then shows it.
 */
@Entity
@Table(name = "notification_mail")
public class NotificationMail extends OutboxMail {

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

    protected NotificationMail() {
        // for JPA
    }

    public NotificationMail(String recipient, NotificationKind kind, long ticketId, String actor, String teamKey,
            String messageId, Instant now) {
        super(now);
        this.recipient = recipient;
        this.teamKey = teamKey;
        this.kind = kind;
        this.ticketId = ticketId;
        this.actor = actor;
        this.messageId = messageId;
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
}
