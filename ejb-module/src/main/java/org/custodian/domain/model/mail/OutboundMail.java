package org.custodian.domain.model.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A public comment on its way to the customer (the outbox, {@link OutboxMail}): written with the comment, sent after
 * commit. The text is rendered when it is sent, from the comment as it then is (an erasure or a redaction in between
 * is respected).
 */
@Entity
@Table(name = "mail_outbox")
public class OutboundMail extends OutboxMail {

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

    protected OutboundMail() {
        // for JPA
    }

    public OutboundMail(long ticketId, long commentId, String messageId, String inReplyTo, String referenceIds,
            String language, Instant now) {
        super(now);
        this.ticketId = ticketId;
        this.commentId = commentId;
        this.messageId = messageId;
        this.inReplyTo = inReplyTo;
        this.referenceIds = referenceIds;
        this.language = language;
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
}
