package org.custodian.application.ticket;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketLinkRepository;
import org.custodian.domain.model.ticket.TicketRepository;

/**
 * The duplicates merged into a ticket (#23) that the caller may read: their comments are shown on the survivor.
 * Asked without a refusal being recorded, so a duplicate outside a contractor's grant is simply not shown.
 */
@Dependent
class MergedDuplicates {

    @EJB
    private PolicyService policy;

    @Inject
    private TicketLinkRepository links;

    @Inject
    private TicketRepository tickets;

    List<Ticket> readable(Caller caller, long survivorId) {
        List<Ticket> readable = new ArrayList<>();
        for (long id : links.duplicatesOf(survivorId)) {
            tickets.find(id).filter(duplicate -> policy.refusalsFor(List.of(caller), Permission.TICKET_READ,
                    ResourceScope.of(duplicate)).isEmpty()).ifPresent(readable::add);
        }
        return readable;
    }
}
