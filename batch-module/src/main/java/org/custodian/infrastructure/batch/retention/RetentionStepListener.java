package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The summary (examined, anonymized, deleted, held, skipped) becomes the step's and the job's exit status. */
@Dependent
@Named
public class RetentionStepListener extends AbstractStepListener {

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String dryRun;

    @Override
    public void afterStep() {
        // over every execution of this job instance: the reader's cursor and the totals are checkpointed with
        // each chunk, so a restarted run reports the whole purge, not only its own part
        RetentionTotals totals = RetentionTotals.of(step.getPersistentUserData());
        long examined = step.getTransientUserData() instanceof RetentionCursor cursor ? cursor.examined() : 0;
        String status = (Boolean.parseBoolean(dryRun) ? "DRY-RUN " : "") + "examined=" + examined
                + " anonymized=" + totals.anonymized() + " deleted=" + totals.deleted() + " held=" + totals.held()
                + " skipped=" + totals.skipped();
        step.setExitStatus(status);
        job.setExitStatus(status);
    }
}
