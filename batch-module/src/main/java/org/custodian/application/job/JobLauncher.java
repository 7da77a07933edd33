package org.custodian.application.job;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import java.util.List;
import java.util.Properties;
import org.custodian.application.shared.ConflictException;

/**
 * Starts and restarts executions so that two jobs that exclude each other never run at once: the check of what is
 * running and the start must not interleave within this server, whoever starts (a caller or a schedule).
 */
final class JobLauncher {

    private static final Object STARTING = new Object();

    private JobLauncher() {
    }

    static long start(JobOperator operator, BatchJob job, Properties parameters) {
        synchronized (STARTING) {
            refuseIfRunning(operator, job);
            return operator.start(job.jobName(), parameters);
        }
    }

    static long restart(JobOperator operator, BatchJob job, long executionId, Properties parameters) {
        synchronized (STARTING) {
            refuseIfRunning(operator, job);
            return operator.restart(executionId, parameters);
        }
    }

    /** A 409 that names the running execution that keeps the job from starting. */
    private static void refuseIfRunning(JobOperator operator, BatchJob job) {
        for (BatchJob other : job.excludedBy()) {
            List<Long> running;
            try {
                running = operator.getRunningExecutions(other.jobName());
            } catch (NoSuchJobException e) {
                continue;
            }
            if (!running.isEmpty()) {
                throw new ConflictException(other.jobName() + " is running as execution " + running.get(0)
                        + (other == job ? "" : ", and " + job.jobName() + " does not run beside it")
                        + "; wait for it to end or stop it (POST /api/v1/jobs/executions/" + running.get(0) + "/stop)");
            }
        }
    }
}
