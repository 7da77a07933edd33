package org.custodian.infrastructure.batch.audit;

import jakarta.batch.api.listener.AbstractJobListener;
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

/** Every run's end goes into the trail, with its result. */
@Dependent
@Named
public class AuditVerifyJobListener extends AbstractJobListener {

    @EJB
    AuditService audit;

    @Inject
    JobContext job;

    @Override
    public void afterJob() {
        String status = job.getExitStatus() == null ? String.valueOf(job.getBatchStatus()) : job.getExitStatus();
        AuditOutcome outcome = status.startsWith("OK") ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE;
        audit.record(Caller.system("batch:audit-verify", "job-" + job.getExecutionId()), AuditActions.JOB_END,
                AuditActions.JOB, job.getJobName() + "/" + job.getExecutionId(), List.of(status), outcome);
    }
}
