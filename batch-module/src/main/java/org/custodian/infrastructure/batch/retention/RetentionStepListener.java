package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.application.retention.RetentionService;
import org.custodian.domain.model.retention.RetentionProgress;

/**
 * The summary (examined, anonymized, deleted, held, skipped, and the attachments removed with the purged tickets)
 * becomes the step's and the job's exit status. It runs
 * once, on the step's main thread, after all partitions.
 */
@Dependent
@Named
public class RetentionStepListener extends AbstractStepListener {

    @EJB
    RetentionService retention;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String dryRun;

    @Override
    public void afterStep() {
        // over every partition and every execution of this job instance: the counts commit with each chunk, so a
        // restarted run reports the whole purge, including partitions that finished before the restart
        RetentionProgress totals = retention.progress(job.getInstanceId());
        String status = (Boolean.parseBoolean(dryRun) ? "DRY-RUN " : "") + "examined=" + totals.examined()
                + " anonymized=" + totals.anonymized() + " deleted=" + totals.deleted() + " held=" + totals.held()
                + " attachments=" + totals.attachments() + " skipped=" + totals.skipped();
        step.setExitStatus(status);
        job.setExitStatus(status);
    }
}
