package org.custodian.application.job;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.privacy.ConsentWithdrawn;
import org.custodian.application.retention.LegalHoldReleased;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.privacy.ConsentPurpose;

/**
 * Starts transcript-removal for a customer once their withdrawal of CHAT_TRANSCRIPT_STORAGE has committed (never
 * for a withdrawal that rolled back), and for everyone once a legal hold's release has committed (the hold may have
 * kept transcripts whose consent was withdrawn meanwhile; a run that finds none ends at once). Lives in the batch module so the job XML is visible to the starting thread.
 * If the start fails, the withdrawal stands and an operator's run of the job (for all customers) removes them.
 */
@ApplicationScoped
public class TranscriptRemovalTrigger {

    private static final Logger LOG = Logger.getLogger(TranscriptRemovalTrigger.class.getName());

    @EJB
    AuditService audit;

    void withdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConsentWithdrawn event) {
        if (event.purpose() != ConsentPurpose.CHAT_TRANSCRIPT_STORAGE) {
            return;
        }
        Properties parameters = new Properties();
        parameters.setProperty(JobParameter.CUSTOMER_ID.parameterName(), String.valueOf(event.customerId()));
        start(parameters, Caller.system("consent-withdrawal", event.recordedBy()), "consent withdrawn");
    }

    void released(@Observes(during = TransactionPhase.AFTER_SUCCESS) LegalHoldReleased event) {
        start(new Properties(), Caller.system("legal-hold-release", null), "legal hold " + event.holdId()
                + " released");
    }

    private void start(Properties parameters, Caller starter, String why) {
        try {
            long executionId = JobLauncher.start(BatchRuntime.getJobOperator(), BatchJob.TRANSCRIPT_REMOVAL,
                    parameters);
            audit.record(starter, AuditActions.JOB_START, AuditActions.JOB, BatchJob.TRANSCRIPT_REMOVAL.jobName() + "/"
                    + executionId, List.of(why), AuditOutcome.SUCCESS);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "transcript-removal (" + why + ") could not start: " + e.getMessage(), e);
        }
    }
}
