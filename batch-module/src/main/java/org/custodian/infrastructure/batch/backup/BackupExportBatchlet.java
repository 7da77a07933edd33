package org.custodian.infrastructure.batch.backup;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.logging.Logger;
import org.custodian.application.backup.BackupConfiguration;
import org.custodian.application.backup.BackupExporter;
import org.custodian.application.backup.BackupFailedException;
import org.custodian.application.backup.BackupIncidents;
import org.custodian.application.backup.BackupLedger;
import org.custodian.application.backup.BackupTarget;
import org.custodian.application.backup.ExportedSet;
import org.custodian.domain.model.backup.BackupSet;
import org.custodian.domain.model.backup.BackupType;

/**
 * Writes one backup set. Runs without a transaction of its own: the export reads one database snapshot, and each
 * ledger change commits on its own, so a failure still leaves the set FAILED, audited, and an incident open.
 */
@Dependent
@Named
public class BackupExportBatchlet extends AbstractBatchlet {

    static final String ACTOR = "batch:backup-export";
    private static final Logger LOG = Logger.getLogger(BackupExportBatchlet.class.getName());

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @EJB
    BackupLedger ledger;

    @EJB
    BackupExporter exporter;

    @EJB
    BackupIncidents incidents;

    @Inject
    BackupConfiguration configuration;


    @Inject
    @BatchProperty
    String type;

    /** A configured target's name; empty for the default target. */
    @Inject
    @BatchProperty
    String target;

    @Inject
    @BatchProperty
    String reason;

    @Inject
    @BatchProperty
    String requestedBy;

    @Inject
    @BatchProperty
    String scheduled;

    @Override
    public String process() {
        BackupSet set = null;
        boolean completed = false;
        String why = reason;
        try {
            int abandoned = ledger.failAbandoned(ACTOR);
            if (abandoned > 0) {
                LOG.info(() -> abandoned + " abandoned backup set(s) marked FAILED");
            }
            BackupTarget destination = configuration.target(target);
            BackupType kind = BackupType.valueOf(type.trim().toUpperCase(Locale.ROOT));
            BackupSet base = null;
            if (kind == BackupType.INCREMENTAL) {
                base = ledger.newestComplete(destination.name()).orElse(null);
                String upgraded = base == null ? null : ledger.incrementalRefusal(base).orElse(null);
                if ((base == null || upgraded != null) && "true".equals(scheduled)) {
                    // nothing to build on, or a base a restore could not apply this set's rows to: start a chain
                    why = reason + " (full: " + (base == null ? "no complete set to build an incremental on"
                            : upgraded) + ")";
                    kind = BackupType.FULL;
                    base = null;
                } else if (upgraded != null) {
                    throw new BackupFailedException("an incremental cannot build on " + base.getName() + ": "
                            + upgraded + "; take a FULL backup");
                }
            }
            set = ledger.begin(kind, destination, why, requestedBy, job.getExecutionId());
            ExportedSet exported = exporter.export(set, base, destination);
            ledger.complete(set.getId(), exported.sizeBytes(), exported.rows(), exported.manifestSha256(), ACTOR);
            completed = true;
            String status = "COMPLETE set=" + set.getName() + " rows=" + exported.rows() + " bytes="
                    + exported.sizeBytes();
            step.setExitStatus(status);
            ledger.pruneChangeLog();
            return status;
        } catch (RuntimeException e) {
            String failure = describe(e);
            try {
                if (set != null && !completed) {
                    ledger.fail(set.getId(), failure, ACTOR);
                }
                incidents.open(BackupIncidents.EXPORT_FAILED, ACTOR, "Backup failed" + (set == null ? ""
                        : ": " + set.getName()), "The backup-export job (execution " + job.getExecutionId()
                        + ") failed" + (completed ? " after its set was complete" : "") + ": " + failure);
            } catch (RuntimeException recording) {
                e.addSuppressed(recording);
            }
            throw e;
        }
    }

    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof EJBException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
