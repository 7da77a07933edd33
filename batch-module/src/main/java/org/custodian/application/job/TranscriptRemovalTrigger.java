package org.custodian.application.job;

import jakarta.batch.operations.JobOperator;
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
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.privacy.ConsentPurpose;

/**
 * Starts transcript-removal for a customer once their withdrawal of CHAT_TRANSCRIPT_STORAGE has committed (never
 * for a withdrawal that rolled back). Lives in the batch module so the job XML is visible to the starting thread.
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
        try {
            JobOperator operator = BatchRuntime.getJobOperator();
            Properties parameters = new Properties();
            parameters.setProperty("customerId", String.valueOf(event.customerId()));
            long executionId = operator.start(DefaultJobService.TRANSCRIPT_REMOVAL, parameters);
            audit.record(Caller.system("consent-withdrawal", event.recordedBy()), AuditActions.JOB_START,
                    AuditActions.JOB, DefaultJobService.TRANSCRIPT_REMOVAL + "/" + executionId,
                    List.of("customerId", "consent withdrawn"), AuditOutcome.SUCCESS);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "transcript-removal for customer " + event.customerId() + " could not start: "
                    + e.getMessage(), e);
        }
    }
}
