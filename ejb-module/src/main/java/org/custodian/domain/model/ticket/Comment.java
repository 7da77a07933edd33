package org.custodian.domain.model.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.custodian.domain.model.pii.PiiType;
import org.custodian.domain.model.pii.RedactedTypes;
import org.custodian.domain.model.policy.FieldMasks;
import org.custodian.domain.shared.RuleCheck;

@Entity
@Table(name = "ticket_comment")
@NamedQuery(name = "Comment.findByTicket",
        query = "SELECT c FROM Comment c WHERE c.ticket.id = :ticketId ORDER BY c.createdAt, c.id")
public class Comment {

    public static final int BODY_MAX = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_seq")
    @SequenceGenerator(name = "comment_seq", sequenceName = "comment_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ticket_id", nullable = false)
    private Ticket ticket;

    @Column(nullable = false, length = BODY_MAX)
    private String body;

    /** The body with detected PII spans masked: what MASKED callers see. */
    @Column(name = "body_masked", length = 2 * BODY_MAX)
    private String bodyMasked;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CommentVisibility visibility;

    @Column(nullable = false, length = 64)
    private String author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CommentChannel channel = CommentChannel.AGENT;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** What was removed from the body when it was written ({@link RedactedTypes}); null when nothing. */
    @Column(name = "redacted_types", length = RedactedTypes.COLUMN_LENGTH)
    private String redactedTypes;

    protected Comment() {
        // for JPA
    }

    public Comment(Ticket ticket, String body, CommentVisibility visibility, String author, Instant now) {
        this(ticket, body, visibility, CommentChannel.AGENT, author, now);
    }

    public Comment(Ticket ticket, String body, CommentVisibility visibility, CommentChannel channel, String author,
            Instant now) {
        new RuleCheck()
                .requireMultilineText(body, "body", BODY_MAX)
                .require(visibility != null, "visibility", "is required; one of PUBLIC, INTERNAL")
                .throwIfAny();
        ticket.recordActivity(now);
        this.ticket = ticket;
        this.body = body;
        this.bodyMasked = FieldMasks.maskDetected(body);
        this.visibility = visibility;
        this.channel = channel == null ? CommentChannel.AGENT : channel;
        this.author = author;
        this.createdAt = now;
    }

    /** A later scan found what the ingest rules remove in the stored body: the redacted body replaces it. */
    public void redactStored(String redactedBody, Collection<PiiType> types) {
        this.body = redactedBody;
        this.bodyMasked = FieldMasks.maskDetected(body);
        noteRedacted(types);
    }

    /** The body was stored with these kinds of data removed (card numbers, secrets): the page says so. */
    public void noteRedacted(Collection<PiiType> types) {
        redactedTypes = RedactedTypes.union(redactedTypes, types);
    }

    /** The type names removed from the body when it was written, empty when none. */
    public List<String> getRedactedTypes() {
        return RedactedTypes.names(redactedTypes);
    }

    public CommentChannel getChannel() {
        return channel;
    }

    public Long getId() {
        return id;
    }

    public Ticket getTicket() {
        return ticket;
    }

    public String getBody() {
        return body;
    }

    public String getBodyMasked() {
        return bodyMasked;
    }

    public CommentVisibility getVisibility() {
        return visibility;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
