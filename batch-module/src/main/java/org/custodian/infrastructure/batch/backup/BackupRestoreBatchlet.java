package org.custodian.infrastructure.batch.backup;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.application.backup.BackupConfiguration;
import org.custodian.application.backup.BackupFailedException;
import org.custodian.application.backup.BackupLedger;
import org.custodian.application.backup.BackupRestorer;
import org.custodian.application.backup.RestoreRunView;
import org.custodian.domain.model.backup.BackupSet;
import org.custodian.domain.model.backup.RestoreKind;

/**
 * Restores a chain (backup-restore) or runs the restore drill (integrity-verify). The restorer records the report
 * whatever happens; a restore whose checks fail fails the step, so the job says so too.
 */
@Dependent
@Named
public class BackupRestoreBatchlet extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @EJB
    BackupRestorer restorer;

    @EJB
    BackupLedger ledger;

    @Inject
    BackupConfiguration configuration;

    /** The last set of the chain; empty for a drill, which takes the newest set of the default target. */
    @Inject
    @BatchProperty
    String setId;

    @Inject
    RestoreDestination destination;

    /** "false" skips the step (the daily integrity run without its quarterly drill). */
    @Inject
    @BatchProperty
    String enabled;

    @Inject
    @BatchProperty
    String reason;

    @Inject
    @BatchProperty
    String requestedBy;

    @Override
    public String process() {
        if ("false".equals(enabled)) {
            step.setExitStatus("SKIPPED (no drill in this run)");
            return "SKIPPED";
        }
        RestoreKind restoreKind = destination.kind();
        long set;
        if (setId != null && !setId.isBlank()) {
            set = Long.parseLong(setId.trim());
        } else {
            String target = configuration.target(null).name();
            set = ledger.newestComplete(target).map(BackupSet::getId).orElseThrow(() -> new BackupFailedException(
                    "no COMPLETE backup set on target " + target + " to restore"));
        }
        String into = destination.schema();
        RestoreRunView report = restorer.restore(restoreKind, set, into, requestedBy, reason, job.getExecutionId());
        String status = (Boolean.TRUE.equals(report.ok()) ? "OK" : "FAILED") + " set=" + report.setName()
                + " pointInTime=" + report.pointInTime() + " rows=" + report.rowsRestored() + " rtoMs="
                + report.rtoMillis() + " rpoMs=" + report.rpoMillis();
        step.setExitStatus(status);
        if (!Boolean.TRUE.equals(report.ok())) {
            throw new BackupFailedException(status + ": " + String.join("; ", report.checks().stream()
                    .filter(check -> check.startsWith("FAILED")).toList()));
        }
        return status;
    }
}
