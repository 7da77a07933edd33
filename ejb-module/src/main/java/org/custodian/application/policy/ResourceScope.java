package org.custodian.application.policy;

import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.ticket.Ticket;

/**
 * What the policy needs to know about a record to decide on it: its kind, id, residency region, (for tickets)
 * category and ticket id, which grants and overrides refer to, and the customer record it is about, whose
 * processing may be restricted.
 */
public record ResourceScope(String type, String id, Region region, String category, Long ticketId, Long customerId) {

    /** A scope about no particular customer (a search area, a ticket changed by id). */
    public ResourceScope(String type, String id, Region region, String category, Long ticketId) {
        this(type, id, region, category, ticketId, null);
    }

    public static ResourceScope of(Ticket ticket) {
        return new ResourceScope("TICKET", String.valueOf(ticket.getId()), ticket.getRegion(), ticket.getCategory(),
                ticket.getId(), ticket.getCustomerId());
    }

    public static ResourceScope of(Customer customer) {
        return new ResourceScope("CUSTOMER", String.valueOf(customer.getId()), customer.getRegion(), null, null,
                customer.getId());
    }

    /** A ticket about to be created for {@code customer}. */
    public static ResourceScope newTicket(Customer customer, String category) {
        return new ResourceScope("TICKET", null, customer.getRegion(), category, null, customer.getId());
    }

    public static ResourceScope newCustomer(Region region) {
        return new ResourceScope("CUSTOMER", null, region, null, null);
    }
}
