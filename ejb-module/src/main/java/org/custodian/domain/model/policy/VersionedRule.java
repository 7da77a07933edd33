package org.custodian.domain.model.policy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A rule that is replaced as a whole (a retention policy, an SLA policy, a business calendar): every change is the
 * next version and says who made it, when and why. The reason explains a decision, so what looks like personal data
 * or a secret in it is masked before it is kept. Column names are those of every such table.
 */
@MappedSuperclass
public abstract class VersionedRule {

    @Column(nullable = false)
    private long version;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected VersionedRule() {
        // for JPA, and version 0 until the first nextVersion makes it 1
    }

    /** Stamps a change the subclass has just applied (the reason was checked with it) as the next version. */
    protected void nextVersion(String why, String actor, Instant now) {
        this.reason = FieldMasks.maskDetected(why.trim());
        this.changedBy = actor;
        this.changedAt = now;
        this.version++;
    }

    public long getVersion() {
        return version;
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
