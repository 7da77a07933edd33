package org.custodian.application.mail;

/** Takes mail from a mailbox into Custodian: one mail, or a group of them, in a transaction of its own. */
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

    /**
     * Takes several mails as {@link #receive} takes each, all in one transaction that has committed when this
     * returns: each mail with its audit events, and one commit (and one chaining of the trail) for the group. If any
     * mail fails, nothing of the group is kept and the caller takes them one by one, so one bad mail cannot lose or
     * half-write the others.
     */
    void receiveAll(Mailbox mailbox, java.util.List<InboundMail> mails);

    /**
     * Counts a failed intake of the mail (in a transaction of its own, the failed one having rolled back). After
     * {@code custodian.mail.intake-attempts} failures the mail is held with the reason (the held-mail list shows it)
     * instead of being tried at every poll, and audited.
     *
     * @return true when the mail is now held (the caller marks it seen); false: the next poll tries again
     */
    boolean failed(Mailbox mailbox, InboundMail mail, String error);
}
