package org.custodian.infrastructure.batch.backup;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.custodian.application.backup.BackupConfiguration;
import org.custodian.application.backup.BackupIncidents;
import org.custodian.application.backup.BackupLedger;

/** Applies tiered retention to the target's sets after each backup; every expired set is audited. */
@Dependent
@Named
public class BackupExpiryBatchlet extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @EJB
    BackupLedger ledger;

    @EJB
    BackupIncidents incidents;

    @Inject
    BackupConfiguration configuration;

    @Inject
    @BatchProperty
    String target;

    @Override
    public String process() {
        try {
            List<String> expired = ledger.expire(configuration.target(target), BackupExportBatchlet.ACTOR,
                    Instant.now());
            String status = "EXPIRED " + expired.size() + (expired.isEmpty() ? "" : " " + expired);
            step.setExitStatus(status.length() > 2000 ? status.substring(0, 2000) : status);
            return status;
        } catch (RuntimeException e) {
            incidents.open(BackupIncidents.EXPORT_FAILED, BackupExportBatchlet.ACTOR, "Backup expiry failed",
                    "The expiry step of backup-export (execution " + job.getExecutionId() + ") failed: "
                            + BackupExportBatchlet.describe(e));
            throw e;
        }
    }
}
