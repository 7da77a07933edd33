package org.custodian.application.mail;

/** The audit actions and resource type of mail (the records a mail makes use the usual ticket/comment actions). */
public final class MailAuditActions {

    /** A mail was read from a mailbox; fields say what became of it (status, reason, mailbox). */
    public static final String MAIL_RECEIVED = "MAIL_RECEIVED";
    /** An agent accepted a held mail: it went on to its ticket. */
    public static final String MAIL_HELD_ACCEPT = "MAIL_HELD_ACCEPT";
    /** An agent discarded a held mail. */
    public static final String MAIL_HELD_DISCARD = "MAIL_HELD_DISCARD";
    public static final String MAIL_HELD_LIST = "MAIL_HELD_LIST";
    /** A delivery status notification for a customer's address. */
    public static final String MAIL_BOUNCE = "MAIL_BOUNCE";
    /** A public comment left by mail (or, after the last attempt, did not). */
    public static final String MAIL_SENT = "MAIL_SENT";
    public static final String MAIL_SEND_FAILED = "MAIL_SEND_FAILED";
    /** A mail whose intake failed custodian.mail.intake-attempts times was held instead of tried again (#24). */
    public static final String MAIL_GIVEN_UP = "MAIL_GIVEN_UP";
    public static final String MAIL = "MAIL";

    private MailAuditActions() {
    }
}
