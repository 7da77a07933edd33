package org.custodian.application.policy;

/** Why a read or write was allowed; recorded with every read so the trail explains each disclosure. */
public enum Basis {
    /** The record is in one of the caller's regions. */
    OWN_REGION,
    /** The record is in another region and a transfer rule lets the caller's region read its personal data. */
    TRANSFER_RULE,
    /** The record is in another region without a transfer rule: personal fields are withheld. */
    NO_TRANSFER_RULE,
    /** A contractor's active grant covers the record. */
    GRANT,
    /** A break-glass override of the caller's covers the ticket. */
    BREAK_GLASS
}
