package org.custodian.application.mail;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.mail.MailMessage;
import org.custodian.domain.model.mail.MailRepository;
import org.custodian.domain.model.mail.MessageIds;
import org.custodian.domain.model.mail.OutboundMail;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentVisibility;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;

/**
 * The outbox pattern of SIEM delivery, for customer mail: the row commits with the comment, a timer sends it after
 * commit, a failure moves the next attempt out (exponential backoff) and the last one marks it FAILED. Delivery is
 * at least once: a crash after the server took the mail and before the row commits sends it again, with the same
 * Message-ID, which mail clients show once.
 */
@Stateless
public class DefaultMailOutboxService implements MailOutboxService {

    @EJB
    private AuditService audit;

    @Inject
    private MailRepository mail;

    @Inject
    private TicketRepository tickets;

    @Inject
    private MailSettings settings;

    @Inject
    private MailTransport transport;

    @Inject
    private MailPollState pollState;

    private final Clock clock = Clock.systemUTC();

    @Override
    public void enqueue(long ticketId, long commentId) {
        if (!settings.sending()) {
            return;
        }
        Ticket ticket = tickets.find(ticketId).orElse(null);
        if (ticket == null || !addressable(ticket.getCustomer())) {
            return;
        }
        Optional<MailMessage> parent = mail.lastInbound(ticketId);
        String language = parent.flatMap(p -> settings.mailbox(p.getMailbox())).map(Mailbox::language)
                .orElse(settings.language());
        String from = settings.smtp().from();
        String messageId = "<" + UUID.randomUUID() + "." + ticketId + "@" + from.substring(from.indexOf('@') + 1)
                + ">";
        mail.store(new OutboundMail(ticketId, commentId, messageId, parent.map(MailMessage::getMessageId).orElse(null),
                parent.map(p -> MessageIds.referencesAfter(p.getReferenceIds(), p.getMessageId())).orElse(null),
                MailTemplates.normalize(language), clock.instant()));
    }

    private static boolean addressable(Customer customer) {
        return customer.getErasedAt() == null && !customer.isTombstone() && customer.getEmail() != null
                && !customer.getEmail().isBlank();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deliverNext() {
        return MailOutboxStep.deliverNext(settings, clock, mail::lockNextDue, this::deliver);
    }

    private void deliver(OutboundMail row, Instant now) {
        Caller caller = Caller.system("mail-outbox", "mail-out-" + row.getId());
        Ticket ticket = tickets.find(row.getTicketId()).orElse(null);
        Comment comment = mail.findComment(row.getCommentId()).orElse(null);
        if (ticket == null || comment == null || comment.getVisibility() != CommentVisibility.PUBLIC
                || !addressable(ticket.getCustomer())) {
            // the customer was erased or merged, or the comment is gone: nothing may be sent any more
            row.skipped("nothing to send: the comment is not public or the customer has no address any more");
            return;
        }
        Customer customer = ticket.getCustomer();
        String reference = settings.reference() == null ? null : settings.reference().of(ticket.getId());
        String[] rendered = MailTemplates.render(row.getLanguage(), ticket.getId(), reference, ticket.getSubject(),
                comment.getBody());
        String resource = ticket.getId() + "/" + comment.getId();
        MailTransport.Outgoing outgoing = new MailTransport.Outgoing(customer.getEmail(), customer.getName(),
                rendered[0], rendered[1], row.getMessageId(), row.getInReplyTo(), row.getReferenceIds(),
                row.getLanguage());
        if (!MailOutboxStep.send(settings, transport, row, outgoing, now,
                "Mail " + row.getId() + " for ticket " + ticket.getId())) {
            if (row.getStatus() == OutboundMail.Status.FAILED) {
                audit.record(caller, MailAuditActions.MAIL_SEND_FAILED, AuditActions.COMMENT, resource,
                        List.of("attempts=" + row.getAttempts().getCount(), "outbox=" + row.getId()),
                        AuditOutcome.FAILURE);
            }
            return;
        }
        audit.record(caller, MailAuditActions.MAIL_SENT, AuditActions.COMMENT, resource,
                List.of("to=customer:" + customer.getId(), "outbox=" + row.getId(),
                        "attempt=" + row.getAttempts().getCount(), "language=" + row.getLanguage()),
                AuditOutcome.SUCCESS);
    }

    @Override
    public Status status() {
        Map<OutboundMail.Status, Long> counts = mail.outboxCounts();
        return new Status(settings.receiving(), settings.sending(),
                settings.mailboxes().stream().map(Mailbox::toString).toList(),
                settings.sending() ? settings.smtp().toString() : "none",
                counts.getOrDefault(OutboundMail.Status.PENDING, 0L), counts.getOrDefault(OutboundMail.Status.SENT, 0L),
                counts.getOrDefault(OutboundMail.Status.FAILED, 0L), mail.heldCount(), pollState.lastResults());
    }
}
