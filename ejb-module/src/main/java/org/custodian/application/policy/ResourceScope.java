package org.custodian.application.policy;

import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.ticket.Ticket;

/**
 * What the policy needs to know about a record to decide on it: its kind, id, residency region and (for
 * tickets) category and ticket id, which grants and overrides refer to.
 */
public record ResourceScope(String type, String id, Region region, String category, Long ticketId) {

    public static ResourceScope of(Ticket ticket) {
        return new ResourceScope("TICKET", String.valueOf(ticket.getId()), ticket.getRegion(), ticket.getCategory(),
                ticket.getId());
    }

    public static ResourceScope of(Customer customer) {
        return new ResourceScope("CUSTOMER", String.valueOf(customer.getId()), customer.getRegion(), null, null);
    }

    /** A ticket about to be created (no id yet). */
    public static ResourceScope newTicket(Region region, String category) {
        return new ResourceScope("TICKET", null, region, category, null);
    }

    public static ResourceScope newCustomer(Region region) {
        return new ResourceScope("CUSTOMER", null, region, null, null);
    }
}
