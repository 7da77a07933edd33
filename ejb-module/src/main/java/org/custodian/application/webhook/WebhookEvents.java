package org.custodian.application.webhook;

import java.util.List;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.ticket.Ticket;

/**
 * The port through which the services report changes to webhooks: called in the transaction of the change, it
 * writes the outbox rows of every webhook that wants the event, so an event is sent if and only if its change
 * commits. Nothing is sent from here.
 */
public interface WebhookEvents {

    String TICKET_CREATED = "ticket.created";
    String TICKET_UPDATED = "ticket.updated";
    String TICKET_COMMENTED = "ticket.commented";
    String CUSTOMER_UPDATED = "customer.updated";
    /** A customer was made: by the API or portal, from a mail's unknown sender, or by a legacy import (#24). */
    String CUSTOMER_CREATED = "customer.created";

    /** Every event type a webhook may subscribe to. */
    List<String> TYPES = List.of(TICKET_CREATED, TICKET_UPDATED, TICKET_COMMENTED, CUSTOMER_CREATED,
            CUSTOMER_UPDATED);

    /** @param commentId the new comment of a {@code ticket.commented} event, else null */
    void ticketChanged(String eventType, Ticket ticket, Long commentId);

    void customerChanged(String eventType, Customer customer);

    /** The same event for many customers (an import's chunk): the webhooks are looked up once. */
    void customersChanged(String eventType, java.util.Collection<Customer> customers);
}
