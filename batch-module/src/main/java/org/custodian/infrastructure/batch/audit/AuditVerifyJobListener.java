package org.custodian.infrastructure.batch.audit;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.infrastructure.batch.JobEndListener;

/**
 * Every run's end goes into the trail, with its result; unlike other jobs, a verification that completes but finds
 * the chain broken is a failure (its exit status starts with OK only when the chain holds).
 */
@Dependent
@Named
public class AuditVerifyJobListener extends JobEndListener {

    @Override
    protected AuditOutcome outcome(String status) {
        return status.startsWith("OK") ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE;
    }

    @Override
    protected List<String> fields(String status) {
        return List.of(status);
    }
}
