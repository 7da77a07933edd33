package org.custodian.application.ticket;

import java.util.List;
import org.custodian.application.shared.Caller;

/** The queue's helpers (#23): bulk changes of many tickets and the assignee picker of a ticket not yet opened. */
public interface TicketDeskService {

    /** The most tickets one bulk change may name (a queue page and then some). */
    int MAX_BULK = 100;

    /**
     * Sets {@code field} (assignee, team or status) to {@code value} (null: unassign) on each ticket, each in its own
     * transaction, decided by the policy and the state machine as a PATCH would be; one refusal does not stop
     * the others. Every change and every refusal is in the trail, per ticket.
     */
    List<BulkResult> bulk(Caller caller, List<Long> ticketIds, String field, String value);

    /**
     * Routes each ticket to {@code team} (a key; null: no team) and assigns it to {@code assignee} (null: nobody), as
     * {@link #bulk} does with one field (#23): a person must be a member of the team.
     */
    List<BulkResult> bulkAssign(Caller caller, List<Long> ticketIds, String team, String assignee);

    /** The enabled users who may work a ticket of this customer and category (empty if the caller may not). */
    Assignable assignableForNew(Caller caller, long customerId, String category);
}
