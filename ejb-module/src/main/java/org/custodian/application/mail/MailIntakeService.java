package org.custodian.application.mail;

/** Takes one mail from a mailbox into Custodian, in its own transaction. */
public interface MailIntakeService {

    /** What became of a mail (DUPLICATE: it had been taken before, nothing changed). */
    enum Outcome {
        TICKET, COMMENT, HELD, IGNORED, RATE_LIMITED, BOUNCE, DUPLICATE
    }

    /**
     * Records the mail and makes of it what the rules say, with its audit events, in a transaction of its own that
     * has committed when this returns (the caller then marks the mail seen).
     */
    Outcome receive(Mailbox mailbox, InboundMail mail);
}
