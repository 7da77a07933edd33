package org.custodian.application.ticket;

import java.util.List;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.PageResult;

public interface TicketService {

    TicketView open(Caller caller, NewTicket ticket);

    TicketView get(Caller caller, long id);

    TicketView revise(Caller caller, long id, TicketChanges changes);

    PageResult<TicketView> search(Caller caller, TicketQuery query);

    CommentView comment(Caller caller, long ticketId, NewComment comment);

    List<CommentView> comments(Caller caller, long ticketId);
}
