package org.custodian.infrastructure.batch.audit;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;

/**
 * Records every broken link as a FAILURE event in the trail (in the chunk's transaction) and keeps
 * the lowest broken sequence as the step's persistent user data, which survives restarts.
 */
@Dependent
@Named
public class BrokenLinkWriter extends AbstractItemWriter {

    static final String ACTION = "AUDIT_CHAIN_BROKEN";

    @EJB
    AuditService audit;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Override
    public void writeItems(List<Object> items) {
        Caller system = Caller.system("batch:audit-verify", "job-" + job.getExecutionId());
        Long firstBad = (Long) step.getPersistentUserData();
        for (Object item : items) {
            BrokenLink broken = (BrokenLink) item;
            audit.record(system, ACTION, AuditActions.AUDIT_TRAIL, String.valueOf(broken.sequence()), null,
                    AuditOutcome.FAILURE);
            firstBad = firstBad == null ? broken.sequence() : Math.min(firstBad, broken.sequence());
        }
        step.setPersistentUserData(firstBad);
    }

    @Override
    public Serializable checkpointInfo() {
        return (Serializable) step.getPersistentUserData();
    }
}
