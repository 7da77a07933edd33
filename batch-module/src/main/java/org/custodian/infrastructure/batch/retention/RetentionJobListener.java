package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;

/** Start and end of every run (with the summary, or the failure) go into the trail. */
@Dependent
@Named
public class RetentionJobListener extends AbstractJobListener {

    @EJB
    AuditService audit;

    @Inject
    JobContext job;

    @Override
    public void afterJob() {
        String status = job.getExitStatus() == null ? String.valueOf(job.getBatchStatus()) : job.getExitStatus();
        AuditOutcome outcome = job.getBatchStatus() == BatchStatus.FAILED ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS;
        audit.record(Caller.system("batch:retention-purge", "job-" + job.getExecutionId()), AuditActions.JOB_END,
                AuditActions.JOB, job.getJobName() + "/" + job.getExecutionId(),
                List.of(status, "batchStatus=" + job.getBatchStatus()), outcome);
    }
}
