package org.custodian.domain.model.retention;

/** From when a retention period counts. */
public enum RetentionClock {
    /** From closure: the time the ticket was resolved; open and in-progress tickets never expire. */
    AFTER_CLOSURE,
    /** From the last activity (any change or comment), whatever the status. */
    AFTER_LAST_ACTIVITY
}
