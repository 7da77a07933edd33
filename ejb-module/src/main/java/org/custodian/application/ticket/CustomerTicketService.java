package org.custodian.application.ticket;

import org.custodian.application.shared.Caller;
import org.custodian.application.shared.PageResult;

/** The tickets of one customer, for the customer's page (#23). */
public interface CustomerTicketService {

    int MAX_LISTED = 50;

    /**
     * The customer's tickets the caller may see, newest first (at most {@link #MAX_LISTED}), each as the policy shows
     * it; the total counts every one the caller may see. Audited as a ticket search.
     */
    PageResult<TicketView> ticketsOf(Caller caller, long customerId);
}
