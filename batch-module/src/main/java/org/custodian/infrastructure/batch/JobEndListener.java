package org.custodian.infrastructure.batch;

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

/** The end of every run goes into the trail with its result (retention-purge, backup-export, backup-restore). */
@Dependent
@Named
public class JobEndListener extends AbstractJobListener {

    @EJB
    AuditService audit;

    @Inject
    JobContext job;

    @Override
    public void afterJob() {
        String status = job.getExitStatus() == null ? String.valueOf(job.getBatchStatus()) : job.getExitStatus();
        audit.record(Caller.system("batch:" + job.getJobName(), "job-" + job.getExecutionId()), AuditActions.JOB_END,
                AuditActions.JOB, job.getJobName() + "/" + job.getExecutionId(), fields(status), outcome(status));
    }

    /** A run fails only when the runtime says so. */
    protected AuditOutcome outcome(String status) {
        return job.getBatchStatus() == BatchStatus.FAILED ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS;
    }

    protected List<String> fields(String status) {
        return List.of(status.length() > 200 ? status.substring(0, 200) : status,
                "batchStatus=" + job.getBatchStatus());
    }
}
