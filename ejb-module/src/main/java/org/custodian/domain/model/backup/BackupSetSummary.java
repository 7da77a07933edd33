package org.custodian.domain.model.backup;

import java.time.Instant;
import java.util.Objects;

/**
 * What retention needs to know of one COMPLETE set. {@code baseId}: the set an INCREMENTAL was taken against (the
 * previous set in its chain, which may itself be incremental); null for FULL. {@code snapshotAt}: the consistent
 * snapshot time. {@code pinned}: a legal hold covers data in it.
 */
public record BackupSetSummary(long id, BackupType type, Long baseId, Instant snapshotAt, boolean pinned) {

    public BackupSetSummary {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(snapshotAt, "snapshotAt");
        if (type == BackupType.FULL && baseId != null) {
            throw new IllegalArgumentException("full backup set " + id + " cannot have a base (" + baseId + ")");
        }
        if (type == BackupType.INCREMENTAL && (baseId == null || baseId == id)) {
            throw new IllegalArgumentException("incremental backup set " + id
                    + " needs the id of another set as its base, not " + baseId);
        }
    }

    public boolean isIncremental() {
        return type == BackupType.INCREMENTAL;
    }
}
