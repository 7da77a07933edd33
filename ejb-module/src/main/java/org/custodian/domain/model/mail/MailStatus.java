package org.custodian.domain.model.mail;

/** What became of a mail read from a mailbox. */
public enum MailStatus {
    /** It opened a ticket. */
    TICKET,
    /** It became a comment on its ticket (a reply). */
    COMMENT,
    /** The sender is not authenticated: waiting for an agent to accept or discard it. */
    HELD,
    /** An agent discarded it (held mail). */
    DISCARDED,
    /** Automatic mail (RFC 3834), list mail or our own: nothing made of it. */
    IGNORED,
    /** The sender wrote more than the per-sender limit allows. */
    RATE_LIMITED,
    /** A delivery status notification: recorded on the customer. */
    BOUNCE
}
