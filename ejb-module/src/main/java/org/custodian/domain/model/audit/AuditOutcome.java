package org.custodian.domain.model.audit;

public enum AuditOutcome {
    /** The operation happened. */
    SUCCESS,
    /** Policy refused the caller (wrong role, region, or throttled). */
    DENIED,
    /** The operation was attempted and failed (bad credentials, unknown resource). */
    FAILURE
}
