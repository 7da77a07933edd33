package org.custodian.application.ticket;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Set;
import org.custodian.application.mail.MailOutboxService;
import org.custodian.application.notification.NotificationService;
import org.custodian.application.shared.Caller;
import org.custodian.application.sla.SlaClocks;
import org.custodian.application.webhook.WebhookEvents;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentChannel;
import org.custodian.domain.model.ticket.CommentVisibility;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketStatus;

/**
 * What follows every stored change of a ticket, whichever path made it (the API and portal through
 * {@link DefaultTicketService}, mail through {@code MailTickets}): its SLA clocks (#25), the webhook outbox, the staff
 * notifications and the customer's mail copy of a public answer (#24). One place, so a new path cannot forget one of
 * them; MANDATORY, so each is written in the change's own transaction and rolls back with it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TicketChangeEffects {

    @EJB
    private SlaClocks slaClocks;

    @EJB
    private WebhookEvents webhookEvents;

    @EJB
    private NotificationService notifications;

    @EJB
    private MailOutboxService mailOutbox;

    /** A new ticket, after its flush (the clocks and the outbox refer to the stored row). */
    public void opened(Caller caller, Ticket ticket) {
        slaClocks.opened(ticket);
        webhookEvents.ticketChanged(WebhookEvents.TICKET_CREATED, ticket, null);
        notifications.assigned(caller, ticket, null, null);
    }

    /** A revised ticket: {@code changed} names the fields that changed (none: nothing is sent to webhooks). */
    public void revised(Caller caller, Ticket ticket, TicketStatus statusBefore, Set<String> changed,
            String assigneeBefore, String teamBefore) {
        slaClocks.revised(ticket, statusBefore, changed.contains("priority") || changed.contains("category"));
        if (!changed.isEmpty()) {
            webhookEvents.ticketChanged(WebhookEvents.TICKET_UPDATED, ticket, null);
        }
        notifications.assigned(caller, ticket, assigneeBefore, teamBefore);
    }

    /** A new comment: an agent's public one answers the customer, a public one by any other channel is the customer's. */
    public void commented(Caller caller, Ticket ticket, Comment comment, TicketStatus statusBefore) {
        boolean published = comment.getVisibility() == CommentVisibility.PUBLIC;
        boolean byAgent = comment.getChannel() == CommentChannel.AGENT;
        slaClocks.commented(ticket, published && byAgent, published && !byAgent, statusBefore);
        webhookEvents.ticketChanged(WebhookEvents.TICKET_COMMENTED, ticket, comment.getId());
        notifications.commented(caller, ticket, comment);
        if (published && byAgent) {
            // an agent's public answer goes to the customer by mail (outbox: sent after this commits)
            mailOutbox.enqueue(ticket.getId(), comment.getId());
        }
    }
}
