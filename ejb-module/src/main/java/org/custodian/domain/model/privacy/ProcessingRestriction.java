package org.custodian.domain.model.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;

/**
 * A restriction of processing of one customer record (GDPR Art. 18), made by a RESTRICTION request. While it is
 * active the record and its tickets are stored but shown only to privacy officers, left out of searches, and left
 * alone by retention; lifting it (with a reason the subject is told beforehand, Art. 18(3)) ends that.
 */
@Entity
@Table(name = "processing_restriction")
@NamedQuery(name = "ProcessingRestriction.activeCustomers", query = "SELECT DISTINCT r.customerId FROM"
        + " ProcessingRestriction r WHERE r.liftedAt IS NULL")
@NamedQuery(name = "ProcessingRestriction.byRequest", query = "SELECT r FROM ProcessingRestriction r WHERE"
        + " r.requestId = :requestId ORDER BY r.customerId")
@NamedQuery(name = "ProcessingRestriction.activeOf", query = "SELECT r FROM ProcessingRestriction r WHERE"
        + " r.customerId IN :customerIds AND r.liftedAt IS NULL ORDER BY r.customerId")
public class ProcessingRestriction extends RequestEffect {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "processing_restriction_seq")
    @SequenceGenerator(name = "processing_restriction_seq", sequenceName = "processing_restriction_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "restricted_at", nullable = false)
    private Instant restrictedAt;

    @Column(name = "restricted_by", nullable = false, length = 64)
    private String restrictedBy;

    @Column(name = "lifted_at")
    private Instant liftedAt;

    @Column(name = "lifted_by", length = 64)
    private String liftedBy;

    @Column(name = "lift_reason", length = 1000)
    private String liftReason;

    protected ProcessingRestriction() {
    }

    public ProcessingRestriction(long requestId, long customerId, String restrictedBy, Instant now) {
        super(requestId, customerId);
        this.restrictedBy = restrictedBy;
        this.restrictedAt = now;
    }

    public void lift(String by, String reason, Instant now) {
        if (liftedAt != null) {
            throw new DomainRuleViolationException("status", "the restriction of customer " + getCustomerId()
                    + " was already lifted at " + liftedAt);
        }
        new RuleCheck().require(reason != null && !reason.isBlank() && reason.trim().length() <= 1000, "reason",
                "say why the restriction ends (the subject is told before it is lifted; at most 1000 characters)")
                .throwIfAny();
        liftedAt = now;
        liftedBy = by;
        liftReason = reason.trim();
    }

    public boolean isActive() {
        return liftedAt == null;
    }

    public Long getId() {
        return id;
    }

    public Instant getRestrictedAt() {
        return restrictedAt;
    }

    public String getRestrictedBy() {
        return restrictedBy;
    }

    public Instant getLiftedAt() {
        return liftedAt;
    }

    public String getLiftedBy() {
        return liftedBy;
    }

    public String getLiftReason() {
        return liftReason;
    }
}
