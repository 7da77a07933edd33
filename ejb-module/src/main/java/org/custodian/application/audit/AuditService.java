package org.custodian.application.audit;

import java.util.Collection;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;

/**
 * The one writer of the audit trail. {@link #record} joins the caller's transaction: the event
 * commits with the operation or not at all, and a failed append fails the operation.
 */
public interface AuditService {

    void record(Caller caller, String action, String resourceType, String resourceId, Collection<String> fields,
            AuditOutcome outcome);

    /** Recomputes the whole chain, in sequence order and constant memory (AUDIT_VERIFY permission). */
    AuditVerification verify(Caller caller);
}
