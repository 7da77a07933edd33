package org.custodian.application.backup;

import java.time.Instant;
import java.util.List;
import org.custodian.domain.model.backup.BackupSet;

/** A catalog entry as the API shows it: no data, only what an operator or auditor needs to judge the set. */
public record BackupSetView(long id, String name, String type, Long baseId, String status, String target,
        String regions, String reason, String requestedBy, long jobExecutionId, Instant startedAt,
        Instant snapshotAt, Instant completedAt, Long sizeBytes, Long rowCount, String manifestSha256,
        String schemaVersion, Instant verifiedAt, String verifyResult, Instant expiredAt, String expiryReason,
        String failure, List<Long> pinnedByHolds) implements java.io.Serializable {

    static BackupSetView of(BackupSet set, List<Long> pinnedByHolds) {
        return new BackupSetView(set.getId(), set.getName(), set.getType().name(), set.getBaseId(),
                set.getStatus().name(), set.getTarget(), set.getRegions(), set.getReason(), set.getRequestedBy(),
                set.getJobExecutionId(), set.getStartedAt(), set.getSnapshotAt(), set.getCompletedAt(),
                set.getSizeBytes(), set.getRowCount(), set.getManifestSha256(), set.getSchemaVersion(),
                set.getVerifiedAt(), set.getVerifyResult(), set.getExpiredAt(), set.getExpiryReason(),
                set.getFailure(), pinnedByHolds);
    }
}
