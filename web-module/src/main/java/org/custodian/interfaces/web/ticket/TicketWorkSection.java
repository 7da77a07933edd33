package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.custodian.application.ticket.TicketWorkService;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * A section of the ticket page that works on the ticket shown (#23: history, links and merges, reopen and follow-up,
 * the stale-version notice): the ticket-work service, called as the signed-in user, on {@link TicketBean}'s ticket.
 */
public abstract class TicketWorkSection implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TicketWorkService work;

    @Inject
    PortalCaller portal;

    @Inject
    TicketBean ticketBean;
}
