package org.custodian.domain.model.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.custodian.domain.model.policy.FieldMasks;
import org.custodian.domain.shared.RuleCheck;

/**
 * Reveal one field, with a reason (#23): one user's full view of named fields of one record for a few minutes,
 * where the matrix says REVEALABLE. Unlike break-glass it widens no classification, only the named fields, and
 * needs no supervisor: the reason and the audit trail are the control. It ends by itself.
 */
@Entity
@Table(name = "reveal_grant")
@NamedQuery(name = "RevealGrant.findActiveFor", query = "SELECT g FROM RevealGrant g"
        + " WHERE g.username = :username AND g.createdAt <= :now AND g.expiresAt > :now ORDER BY g.id")
public class RevealGrant {

    public static final int MIN_REASON = 10;
    /** Short enough to be kept whole in the audit event. */
    public static final int MAX_REASON = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reveal_grant_seq")
    @SequenceGenerator(name = "reveal_grant_seq", sequenceName = "reveal_grant_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    /** The ticket the reveal was asked on (its ticket.* fields), or null for a reveal on the customer. */
    @Column(name = "ticket_id")
    private Long ticketId;

    /** The customer record whose customer.* fields are revealed. */
    @Column(name = "customer_id", nullable = false)
    private long customerId;

    /** Qualified field keys, comma-separated: {@code customer.phone,ticket.description}. */
    @Column(nullable = false, length = 400)
    private String fields;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected RevealGrant() {
        // for JPA
    }

    public RevealGrant(String username, Long ticketId, long customerId, List<String> fields, String reason,
            Duration lasts, Instant now) {
        checkReason(reason);
        this.username = username;
        this.ticketId = ticketId;
        this.customerId = customerId;
        this.fields = String.join(",", fields);
        this.reason = maskedReason(reason);
        this.createdAt = now;
        this.expiresAt = now.plus(lasts);
    }

    /** 422 for a missing, blank, too short or too long reason (asked before anything else is looked at). */
    public static void checkReason(String reason) {
        new RuleCheck().requireText(reason, "reason", MIN_REASON, MAX_REASON).throwIfAny();
    }

    /** The reason as kept and audited: trimmed, with detected PII (cards, e-mails, phones, secrets) masked. */
    public static String maskedReason(String reason) {
        return FieldMasks.maskDetected(reason.trim());
    }

    public boolean isActiveAt(Instant now) {
        return !createdAt.isAfter(now) && expiresAt.isAfter(now);
    }

    /**
     * Whether this grant reveals {@code fieldKey} on a record of this ticket and customer: customer.* fields of
     * its customer (whichever record shows them), ticket.* fields of its ticket only.
     */
    public boolean reveals(String fieldKey, Long onTicket, Long onCustomer) {
        if (!fieldKeys().contains(fieldKey)) {
            return false;
        }
        if (fieldKey.startsWith("customer.")) {
            return onCustomer != null && onCustomer == customerId;
        }
        return ticketId != null && ticketId.equals(onTicket);
    }

    public List<String> fieldKeys() {
        return List.of(fields.split(","));
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
