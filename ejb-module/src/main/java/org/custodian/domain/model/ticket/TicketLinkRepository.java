package org.custodian.domain.model.ticket;

import java.util.List;
import java.util.Optional;

/** Links between tickets. */
public interface TicketLinkRepository {

    /** Every link from or to the ticket, oldest first. */
    List<TicketLink> linksOf(long ticketId);

    /** The one link between the two tickets (either direction) of that kind. */
    Optional<TicketLink> find(long ticketId, long otherId, TicketLinkKind kind);

    /** The ids of the duplicates merged into {@code survivorId}. */
    List<Long> duplicatesOf(long survivorId);

    void store(TicketLink link);

    void remove(TicketLink link);
}
