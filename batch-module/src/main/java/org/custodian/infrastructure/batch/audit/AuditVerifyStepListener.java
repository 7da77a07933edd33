package org.custodian.infrastructure.batch.audit;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Turns the step's outcome into the exit status the job reports. */
@Dependent
@Named
public class AuditVerifyStepListener extends AbstractStepListener {

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Override
    public void afterStep() {
        Long firstBad = (Long) step.getPersistentUserData();
        long checked = 0;
        for (Metric metric : step.getMetrics()) {
            if (metric.getType() == Metric.MetricType.FILTER_COUNT) {
                checked = metric.getValue();
            }
        }
        String status = firstBad == null ? "OK events=" + checked : "BROKEN firstBadSequence=" + firstBad;
        step.setExitStatus(status);
        job.setExitStatus(status);
    }
}
