package org.custodian.application.backup;

import java.time.Instant;
import java.util.List;
import org.custodian.domain.model.backup.RestoreRun;

/**
 * A restore or drill report: the chain restored, the point in time reached, RTO (how long the restore took) and
 * RPO (how much older than the restore's start the restored state was), and each check with its result.
 */
public record RestoreRunView(long id, String kind, long setId, String setName, List<String> chain,
        String targetSchema, Instant pointInTime, String requestedBy, String reason, long jobExecutionId,
        Instant startedAt, Instant finishedAt, Long rtoMillis, Long rpoMillis, Long rowsRestored, Boolean ok,
        List<String> checks, String failure) implements java.io.Serializable {

    static RestoreRunView of(RestoreRun run) {
        return new RestoreRunView(run.getId(), run.getKind().name(), run.getSetId(), run.getSetName(),
                List.of(run.getChain().split(",")), run.getTargetSchema(), run.getPointInTime(), run.getRequestedBy(),
                run.getReason(), run.getJobExecutionId(), run.getStartedAt(), run.getFinishedAt(),
                run.getRtoMillis(), run.getRpoMillis(), run.getRowsRestored(), run.getOk(),
                run.getChecks() == null || run.getChecks().isEmpty() ? List.of()
                        : List.of(run.getChecks().split("\n")), run.getFailure());
    }
}
