package org.custodian.application.ticket;

import java.util.List;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.PageResult;

public interface TicketService {

    TicketView open(Caller caller, NewTicket ticket);

    TicketView get(Caller caller, long id);

    /**
     * Applies a partial update. With {@code expectedVersion} (from an If-Match header) the change is
     * refused when someone else changed the ticket since the client read it.
     */
    TicketView revise(Caller caller, long id, TicketChanges changes, Long expectedVersion);

    PageResult<TicketView> search(Caller caller, TicketQuery query);

    CommentView comment(Caller caller, long ticketId, NewComment comment);

    List<CommentView> comments(Caller caller, long ticketId);

    /** The enabled users who may work the ticket (the ones an assignment accepts), for a caller who may change it. */
    List<AssignableUser> assignableUsers(Caller caller, long ticketId);

    /** The teams the ticket may be routed to and the people it may be assigned to (#23), as {@link #assignableUsers}. */
    Assignable assignable(Caller caller, long ticketId);
}
