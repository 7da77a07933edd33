package org.custodian.domain.model.policy;

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

/** One version step of a classification or a matrix cell: who, when, old to new, and why. Never changed. */
@Entity
@Table(name = "policy_change")
@NamedQuery(name = "PolicyChange.findByKind",
        query = "SELECT c FROM PolicyChange c WHERE c.kind = :kind ORDER BY c.changedAt DESC, c.id DESC")
public class PolicyChange {

    public enum Kind { CLASSIFICATION, VISIBILITY }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "policy_change_seq")
    @SequenceGenerator(name = "policy_change_seq", sequenceName = "policy_change_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(nullable = false, length = 80)
    private String target;

    @Column(nullable = false)
    private long version;

    @Column(name = "old_value", nullable = false, length = 16)
    private String oldValue;

    @Column(name = "new_value", nullable = false, length = 16)
    private String newValue;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected PolicyChange() {
        // for JPA
    }

    PolicyChange(Kind kind, String target, long version, String oldValue, String newValue, String reason,
            String changedBy, Instant changedAt) {
        this.kind = kind;
        this.target = target;
        this.version = version;
        this.oldValue = oldValue;
        this.newValue = newValue;
        // a reason explains a decision; it must not carry personal data or secrets into an append-only history
        this.reason = FieldMasks.maskDetected(reason);
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getTarget() {
        return target;
    }

    public long getVersion() {
        return version;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }

    public String getReason() {
        return reason;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
