package org.custodian.domain.shared;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An entity that keeps when it was created and when it last changed (columns created_at and changed_at), with a
 * version for optimistic locking, so that of two concurrent edits one wins and the other gets a conflict.
 */
@MappedSuperclass
public abstract class ChangeTracked {

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private long version;

    protected ChangeTracked() {
        // for JPA
    }

    /** Created (and so last changed) at {@code now}. */
    protected ChangeTracked(Instant now) {
        this.createdAt = now;
        this.changedAt = now;
    }

    /** Records a change made at {@code now}. */
    protected final void changed(Instant now) {
        this.changedAt = now;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public long getVersion() {
        return version;
    }
}
