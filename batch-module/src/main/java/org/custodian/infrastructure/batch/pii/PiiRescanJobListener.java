package org.custodian.infrastructure.batch.pii;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.application.pii.Rescanned;

/**
 * The job's exit status: the totals of its three steps, each taken from the latest execution that ran it (a restart
 * runs only the steps not completed before, so the earlier ones' totals are in the earlier executions).
 */
@Dependent
@Named
public class PiiRescanJobListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @Override
    public void afterJob() {
        JobOperator operator = BatchRuntime.getJobOperator();
        Map<String, Rescanned> byStep = new TreeMap<>();
        for (JobExecution execution : operator.getJobExecutions(operator.getJobInstance(job.getExecutionId()))) {
            if (execution.getExecutionId() > job.getExecutionId()) {
                continue;
            }
            for (StepExecution step : operator.getStepExecutions(execution.getExecutionId())) {
                if (step.getPersistentUserData() instanceof Rescanned total) {
                    byStep.merge(step.getStepName(), total, (a, b) -> a.scanned() >= b.scanned() ? a : b);
                }
            }
        }
        Rescanned all = byStep.values().stream().reduce(Rescanned.NONE, Rescanned::plus);
        job.setExitStatus(all.text());
    }
}
