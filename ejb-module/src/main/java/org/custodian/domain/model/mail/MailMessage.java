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
import java.time.Instant;
import java.util.Collection;
import org.custodian.domain.model.pii.PiiType;
import org.custodian.domain.model.pii.RedactedTypes;

/**
 * One mail a mailbox delivered, once (its Message-ID is unique), and what became of it: the lineage of the ticket,
 * comment or customer it made. Subject and text are kept only while the mail is held.
 */
@Entity
@Table(name = "mail_message")
public class MailMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_message_seq")
    @SequenceGenerator(name = "mail_message_seq", sequenceName = "mail_message_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 64)
    private String mailbox;

    @Column(name = "message_id", nullable = false, length = 998)
    private String messageId;

    @Column(name = "raw_sha256", nullable = false, length = 64)
    private String rawSha256;

    @Column(name = "raw_size", nullable = false)
    private int rawSize;

    @Column(name = "from_address", length = 254)
    private String fromAddress;

    @Column(name = "from_name", length = 200)
    private String fromName;

    @Column(name = "from_key", length = 254)
    private String fromKey;

    @Column(length = 200)
    private String subject;

    @Column
    private String body;

    @Column(name = "in_reply_to", length = 998)
    private String inReplyTo;

    @Column(name = "reference_ids")
    private String referenceIds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private AuthenticationResults.Verdict authentication;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MailStatus status;

    @Column(length = 300)
    private String reason;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "comment_id")
    private Long commentId;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "customer_created", nullable = false)
    private boolean customerCreated;

    @Column(name = "redacted_types", length = RedactedTypes.COLUMN_LENGTH)
    private String redactedTypes;

    @Version
    private long version;

    protected MailMessage() {
        // for JPA
    }

    public MailMessage(String mailbox, String messageId, String rawSha256, int rawSize, String fromAddress,
            String fromName, String inReplyTo, String referenceIds, AuthenticationResults.Verdict authentication,
            Instant receivedAt) {
        this.mailbox = mailbox;
        this.messageId = messageId;
        this.rawSha256 = rawSha256;
        this.rawSize = rawSize;
        this.fromAddress = fromAddress;
        this.fromName = fromName;
        this.fromKey = fromAddress == null ? null : fromAddress.trim().toLowerCase(java.util.Locale.ROOT);
        this.inReplyTo = inReplyTo;
        this.referenceIds = referenceIds;
        this.authentication = authentication;
        this.receivedAt = receivedAt;
        this.status = MailStatus.IGNORED;
    }

    /** Nothing made of it (noise, rate limit, bounce): the reason says why. */
    public void settle(MailStatus status, String reason, Long customerId) {
        this.status = status;
        this.reason = reason;
        this.customerId = customerId;
    }

    /** Held for an agent: keeps the (redacted) subject and text the agent decides on, and the ticket they go to. */
    public void hold(String reason, String subject, String body) {
        this.status = MailStatus.HELD;
        this.reason = reason;
        this.subject = subject;
        this.body = body;
    }

    /** It made a ticket or a comment: the lineage, and the held text is no longer needed. */
    public void madeInto(MailStatus status, long ticketId, Long commentId, long customerId, boolean customerCreated) {
        this.status = status;
        this.ticketId = ticketId;
        this.commentId = commentId;
        this.customerId = customerId;
        this.customerCreated = customerCreated;
        this.subject = null;
        this.body = null;
    }

    public void decided(String by, Instant at) {
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public void discard(String by, Instant at) {
        this.status = MailStatus.DISCARDED;
        this.subject = null;
        this.body = null;
        decided(by, at);
    }

    public void noteRedacted(Collection<PiiType> types) {
        redactedTypes = RedactedTypes.union(redactedTypes, types);
    }

    public Long getId() {
        return id;
    }

    public String getMailbox() {
        return mailbox;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getRawSha256() {
        return rawSha256;
    }

    public int getRawSize() {
        return rawSize;
    }

    public String getFromAddress() {
        return fromAddress;
    }

    public String getFromName() {
        return fromName;
    }

    public String getFromKey() {
        return fromKey;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getInReplyTo() {
        return inReplyTo;
    }

    public String getReferenceIds() {
        return referenceIds;
    }

    public AuthenticationResults.Verdict getAuthentication() {
        return authentication;
    }

    public MailStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public Long getCommentId() {
        return commentId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    /** The stored list of redacted types ({@link RedactedTypes}), null when nothing was removed. */
    public String getRedactedTypesText() {
        return redactedTypes;
    }

    public boolean isCustomerCreated() {
        return customerCreated;
    }
}
