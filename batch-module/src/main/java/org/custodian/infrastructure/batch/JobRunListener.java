package org.custodian.infrastructure.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.cluster.ClusterNode;
import org.custodian.application.jobstats.JobRunService;

/**
 * Records every finished execution of every job (its outcome, start and end) for the operators' job dashboard
 * (#25), and that it no longer runs on its node (#26). Listed in each job's XML beside the job's own end listener; a failure to record is logged, never the job's.
 */
@Dependent
@Named
public class JobRunListener extends AbstractJobListener {

    private static final Logger LOG = Logger.getLogger(JobRunListener.class.getName());

    @EJB
    JobRunService runs;

    @EJB
    ClusterNode cluster;

    @Inject
    JobContext job;

    @Override
    public void afterJob() {
        try {
            cluster.ended(job.getExecutionId()); // no longer running on any node (#26)
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Execution " + job.getExecutionId() + " could not be recorded as ended", e);
        }
        try {
            Date started = BatchRuntime.getJobOperator().getJobExecution(job.getExecutionId()).getStartTime();
            runs.finished(job.getJobName(), job.getExecutionId(), outcome(job.getBatchStatus()),
                    started == null ? null : started.toInstant(), Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The run of " + job.getJobName() + " (execution " + job.getExecutionId()
                    + ") could not be recorded for the job dashboard", e);
        }
    }

    /** At its end listener a job that neither failed nor stopped is still STARTED: it completes. */
    static String outcome(BatchStatus status) {
        return status == BatchStatus.FAILED || status == BatchStatus.STOPPED || status == BatchStatus.STOPPING
                ? (status == BatchStatus.FAILED ? "FAILED" : "STOPPED") : "COMPLETED";
    }
}
