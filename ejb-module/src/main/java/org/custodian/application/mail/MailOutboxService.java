package org.custodian.application.mail;

/** Public comments on their way to the customer by mail (the outbox). */
public interface MailOutboxService {

    /**
     * Queues the public comment for the ticket's customer, in the comment's transaction (nothing when sending is
     * off or the customer has no address). Called for an agent's PUBLIC comment only.
     */
    void enqueue(long ticketId, long commentId);

    /** Sends one due outbox row in a transaction of its own; false when none was due. */
    boolean deliverNext();

    Status status();

    /** What /health shows. */
    record Status(boolean receiving, boolean sending, java.util.List<String> mailboxes, String smtp, long pending,
            long sent, long failed, long held, java.util.Map<String, String> lastPolls) {
    }
}
