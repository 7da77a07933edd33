package org.custodian.infrastructure.batch.backup;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.StepExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.backup.BackupIncidents;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;

/**
 * Sums the steps up in the job's exit status and audits the run. A broken audit trail opens an incident here;
 * broken sets and failed drills have opened theirs already, one each.
 */
@Dependent
@Named
public class IntegrityJobListener extends AbstractJobListener {

    @EJB
    AuditService audit;

    @EJB
    BackupIncidents incidents;

    @Inject
    JobContext job;

    @Override
    public void afterJob() {
        List<String> summary = new ArrayList<>();
        boolean trailBroken = false;
        String attachmentsBroken = null;
        for (StepExecution step : BatchRuntime.getJobOperator().getStepExecutions(job.getExecutionId())) {
            String status = step.getExitStatus() == null ? String.valueOf(step.getBatchStatus()) : step.getExitStatus();
            summary.add(step.getStepName() + ": " + status);
            trailBroken |= "verify-audit-trail".equals(step.getStepName()) && status.startsWith("BROKEN");
            if ("verify-attachments".equals(step.getStepName()) && status.startsWith("BROKEN")) {
                attachmentsBroken = status;
            }
        }
        // the job is still STARTED while its listener runs; a failed step has already made it FAILED
        boolean ok = job.getBatchStatus() != BatchStatus.FAILED && job.getBatchStatus() != BatchStatus.STOPPED
                && summary.stream()
                .noneMatch(line -> line.contains(": BROKEN") || line.contains(": FAILED"));
        String exit = (ok ? "OK " : "PROBLEMS ") + String.join("; ", summary);
        job.setExitStatus(exit.length() > 2000 ? exit.substring(0, 2000) : exit);
        if (trailBroken) {
            incidents.open(BackupIncidents.VERIFY_FAILED, BackupCheckBatchlet.ACTOR, "Audit trail verification"
                    + " failed", "The integrity-verify job (execution " + job.getExecutionId() + ") found the audit"
                    + " trail broken: " + summary.get(0));
        }
        if (attachmentsBroken != null) {
            incidents.open(BackupIncidents.VERIFY_FAILED, BackupCheckBatchlet.ACTOR, "Attachment content"
                    + " verification failed", "The integrity-verify job (execution " + job.getExecutionId() + ")"
                    + " found stored attachments altered or incomplete: " + attachmentsBroken);
        }
        audit.record(Caller.system(BackupCheckBatchlet.ACTOR, "job-" + job.getExecutionId()), AuditActions.JOB_END,
                AuditActions.JOB, job.getJobName() + "/" + job.getExecutionId(),
                List.of(exit.length() > 200 ? exit.substring(0, 200) : exit), ok ? AuditOutcome.SUCCESS
                        : AuditOutcome.FAILURE);
    }
}
