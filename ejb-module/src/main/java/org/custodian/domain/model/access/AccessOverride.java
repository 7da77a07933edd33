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
import org.custodian.domain.model.policy.FieldMasks;
import org.custodian.domain.shared.RuleCheck;

/**
 * Break-glass: one user's full view of one ticket's personal data for a few hours, with a justification that
 * the privacy officer is told about. It ends by itself; nothing can extend it except a new, new-justified one.
 */
@Entity
@Table(name = "access_override")
@NamedQuery(name = "AccessOverride.findActiveFor", query = "SELECT o FROM AccessOverride o"
        + " WHERE o.username = :username AND o.startsAt <= :now AND o.expiresAt > :now ORDER BY o.id")
@NamedQuery(name = "AccessOverride.findActive",
        query = "SELECT o FROM AccessOverride o WHERE o.expiresAt > :now ORDER BY o.id DESC")
@NamedQuery(name = "AccessOverride.findExpired",
        query = "SELECT o FROM AccessOverride o WHERE o.expiresAt <= :now ORDER BY o.id DESC")
public class AccessOverride {

    public static final int MIN_JUSTIFICATION = 20;
    public static final int MAX_MINUTES = 240;
    /** Short enough to be kept whole in the audit event. */
    public static final int MAX_JUSTIFICATION = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_override_seq")
    @SequenceGenerator(name = "access_override_seq", sequenceName = "access_override_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(nullable = false, length = 2000)
    private String justification;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected AccessOverride() {
        // for JPA
    }

    public AccessOverride(long ticketId, String username, String justification, Integer minutes, Instant now) {
        RuleCheck check = new RuleCheck()
                .requireText(justification, "justification", MIN_JUSTIFICATION, MAX_JUSTIFICATION)
                .require(minutes != null, "minutes", "is required: how long the override lasts, 1 to " + MAX_MINUTES)
                .require(minutes == null || minutes >= 1 && minutes <= MAX_MINUTES, "minutes",
                        "must be between 1 and " + MAX_MINUTES + " (four hours at most)");
        check.throwIfAny();
        this.ticketId = ticketId;
        this.username = username;
        // the justification goes to the audit trail and to the privacy officers: PII and secrets masked first
        this.justification = FieldMasks.maskDetected(justification.trim());
        this.startsAt = now;
        this.expiresAt = now.plus(Duration.ofMinutes(minutes));
    }

    public boolean isActiveAt(Instant now) {
        return !startsAt.isAfter(now) && expiresAt.isAfter(now);
    }

    public Long getId() {
        return id;
    }

    public long getTicketId() {
        return ticketId;
    }

    public String getUsername() {
        return username;
    }

    public String getJustification() {
        return justification;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
