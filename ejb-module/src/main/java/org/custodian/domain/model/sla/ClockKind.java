package org.custodian.domain.model.sla;

/** The three clocks of a ticket. */
public enum ClockKind {
    /** From creation to the first public answer by an agent. */
    FIRST_RESPONSE,
    /** From a customer's reply (after the first response) to the next public answer by an agent. */
    NEXT_RESPONSE,
    /** From creation to RESOLVED. */
    RESOLUTION
}
