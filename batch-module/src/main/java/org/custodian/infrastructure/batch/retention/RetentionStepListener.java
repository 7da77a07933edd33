package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.Metric;
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
        RetentionTotals totals = step.getPersistentUserData() instanceof RetentionTotals saved ? saved
                : RetentionTotals.NONE;
        long examined = 0;
        long skipped = 0;
        for (Metric metric : step.getMetrics()) {
            if (metric.getType() == Metric.MetricType.READ_COUNT) {
                examined = metric.getValue();
            } else if (metric.getType() == Metric.MetricType.PROCESS_SKIP_COUNT
                    || metric.getType() == Metric.MetricType.WRITE_SKIP_COUNT
                    || metric.getType() == Metric.MetricType.READ_SKIP_COUNT) {
                skipped += metric.getValue();
            }
        }
        String status = (Boolean.parseBoolean(dryRun) ? "DRY-RUN " : "") + "examined=" + examined
                + " anonymized=" + totals.anonymized() + " deleted=" + totals.deleted() + " held=" + totals.held()
                + " skipped=" + skipped;
        step.setExitStatus(status);
        job.setExitStatus(status);
    }
}
