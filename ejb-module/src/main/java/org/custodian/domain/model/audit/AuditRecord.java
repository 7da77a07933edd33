package org.custodian.domain.model.audit;

/** What an operation reports to the audit trail; the chain adds sequence, time and hashes. */
public record AuditRecord(String actor, String actorRoles, String action, String resourceType, String resourceId,
        String fields, AuditOutcome outcome, String requestId, String clientAddress) {
}
