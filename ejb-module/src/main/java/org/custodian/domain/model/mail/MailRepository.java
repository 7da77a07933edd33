package org.custodian.domain.model.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.customer.Customer;

public interface MailRepository {

    Optional<MailMessage> findByMessageId(String messageId);

    Optional<MailMessage> find(long id);

    /** Locked until the transaction ends (two agents deciding one held mail queue). */
    Optional<MailMessage> findForUpdate(long id);

    void store(MailMessage message);

    /** Writes the row now: a second row with the same Message-ID fails here, inside the caller's transaction. */
    void flush();

    /** Mails from this address received since {@code since} (the per-sender rate limit). */
    long countFrom(String fromKey, Instant since);

    List<MailMessage> held(List<String> mailboxes, int limit);

    /** The ticket a message id belongs to: a mail we received for it or one we sent from it. */
    Optional<Long> ticketOfMessage(String messageId);

    /** The customer's latest mail that made or joined this ticket (the parent of our next reply). */
    Optional<MailMessage> lastInbound(long ticketId);

    /** Live customers (not erased, not merged away) whose e-mail address is exactly this one (case aside). */
    List<Customer> customersByEmail(String emailKey);

    /** Records a bounce on the customer. */
    void markBounced(long customerId, Instant at);

    void store(OutboundMail mail);

    /**
     * The oldest outbox row due now, locked until the transaction ends; rows another node holds are skipped, so two
     * nodes never send one mail at once.
     */
    Optional<OutboundMail> lockNextDue(Instant now);

    Optional<org.custodian.domain.model.ticket.Comment> findComment(long id);

    /** Counts of the outbox by status, for /health. */
    java.util.Map<OutboundMail.Status, Long> outboxCounts();

    long heldCount();

    /** One more failed intake of the mail (key: hex SHA-256 of its Message-ID); returns the failures so far. */
    int countFailure(String messageKey, String mailbox, String error, Instant at);

    /** The mail was held after its failures: its counter goes. */
    void clearFailure(String messageKey);
}
