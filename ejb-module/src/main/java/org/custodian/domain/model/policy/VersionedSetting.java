package org.custodian.domain.model.policy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A policy setting that is changed in place and versioned (a field's classification, a matrix cell): each change
 * bumps the version and leaves a {@link PolicyChange} behind. Column names are those of both tables.
 */
@MappedSuperclass
public abstract class VersionedSetting {

    @Column(nullable = false)
    private long version;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    protected VersionedSetting() {
        // for JPA
    }

    /**
     * Records a move from {@code from} to {@code to} as the next version; returns the history record, or null when
     * nothing changes (setting the current value is not a new version). The caller stores the new value only on
     * a non-null result.
     */
    protected <E extends Enum<E>> PolicyChange nextVersion(PolicyChange.Kind kind, String key, E from, E to,
            String reason, String actor, Instant now) {
        if (to == from) {
            return null;
        }
        PolicyChange change = new PolicyChange(kind, key, version + 1, from.name(), to.name(), reason, actor, now);
        version++;
        changedAt = now;
        changedBy = actor;
        return change;
    }

    public long getVersion() {
        return version;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }
}
