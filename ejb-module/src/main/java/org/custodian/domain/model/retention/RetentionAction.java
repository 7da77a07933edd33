package org.custodian.domain.model.retention;

/** What happens to a ticket whose retention period is over. */
public enum RetentionAction {
    /** Personal text replaced, statistics (status, category, priority, region, times) kept. */
    ANONYMIZE,
    /** The ticket and its comments removed; the audit trail keeps the skeleton. */
    DELETE
}
