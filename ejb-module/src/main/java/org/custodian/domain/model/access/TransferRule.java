package org.custodian.domain.model.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.FieldMasks;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;

/**
 * Permits users of {@code toRegion} to read personal data kept in {@code fromRegion}, on a stated legal basis.
 * Revoked, never deleted: the trail must still explain reads made under it.
 */
@Entity
@Table(name = "transfer_rule")
@NamedQuery(name = "TransferRule.findAll", query = "SELECT t FROM TransferRule t ORDER BY t.id")
@NamedQuery(name = "TransferRule.findActive",
        query = "SELECT t FROM TransferRule t WHERE t.revokedAt IS NULL ORDER BY t.id")
public class TransferRule {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transfer_rule_seq")
    @SequenceGenerator(name = "transfer_rule_seq", sequenceName = "transfer_rule_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_region", nullable = false, length = 8)
    private Region fromRegion;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_region", nullable = false, length = 8)
    private Region toRegion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private TransferBasis basis;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected TransferRule() {
        // for JPA
    }

    public TransferRule(Region fromRegion, Region toRegion, TransferBasis basis, String reason, String createdBy,
            Instant now) {
        RuleCheck check = new RuleCheck()
                .require(fromRegion != null, "fromRegion", "is required; one of " + Region.allowedValues())
                .require(toRegion != null, "toRegion", "is required; one of " + Region.allowedValues())
                .require(fromRegion == null || fromRegion != toRegion, "toRegion",
                        "must differ from fromRegion: reads inside a region need no transfer rule")
                .require(basis != null, "basis", "is required")
                .requireText(reason, "reason", 10, 1000);
        check.throwIfAny();
        this.fromRegion = fromRegion;
        this.toRegion = toRegion;
        this.basis = basis;
        this.reason = FieldMasks.maskDetected(reason.trim());
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /**
     * A copy that belongs to no persistence context, for sharing read-only between requests (the cached access
     * context, #27): a change to the managed rule in one transaction never shows through it in another.
     */
    public TransferRule detachedCopy() {
        TransferRule copy = new TransferRule();
        copy.id = id;
        copy.fromRegion = fromRegion;
        copy.toRegion = toRegion;
        copy.basis = basis;
        copy.reason = reason;
        copy.createdBy = createdBy;
        copy.createdAt = createdAt;
        copy.revokedBy = revokedBy;
        copy.revokedAt = revokedAt;
        return copy;
    }

    public void revoke(String actor, Instant now) {
        if (revokedAt != null) {
            throw new DomainRuleViolationException("id", "transfer rule " + id + " was already revoked at " + revokedAt);
        }
        revokedBy = actor;
        revokedAt = now;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public Long getId() {
        return id;
    }

    public Region getFromRegion() {
        return fromRegion;
    }

    public Region getToRegion() {
        return toRegion;
    }

    public TransferBasis getBasis() {
        return basis;
    }

    public String getReason() {
        return reason;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
