package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.domain.model.retention.RetentionProgress;

/**
 * The summary (examined, anonymized, deleted, held, skipped, and the attachments removed with the purged tickets)
 * becomes the step's and the job's exit status. It runs
 * once, on the step's main thread, after all partitions.
 */
@Dependent
@Named
public class RetentionStepListener extends AbstractStepListener {

    @Inject
    @BatchProperty
    String dryRun;

    @Inject
    RetentionRun run;

    @Override
    public void afterStep() {
        // over every partition and every execution of this job instance: the counts commit with each chunk, so a
        // restarted run reports the whole purge, including partitions that finished before the restart
        RetentionProgress totals = run.progress();
        String status = (Boolean.parseBoolean(dryRun) ? "DRY-RUN " : "") + "examined=" + totals.examined()
                + " anonymized=" + totals.anonymized() + " deleted=" + totals.deleted() + " held=" + totals.held()
                + " attachments=" + totals.attachments() + " skipped=" + totals.skipped();
        run.finish(status);
    }
}
