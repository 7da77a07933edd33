package org.custodian.application.pii;

/** What a rescan reads, one kind per step of the pii-rescan job, in this order. */
public enum RescanTarget {
    /** Subject and description of tickets not anonymized. */
    TICKETS,
    /** Comment bodies (public and internal) on tickets not anonymized. */
    COMMENTS,
    /** Attachments stored as text (their first MiB, as at upload), decrypted with their customer's key. */
    ATTACHMENTS
}
