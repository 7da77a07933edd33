package org.custodian.domain.model.ticket;

import java.util.List;
import java.util.Optional;

public interface TicketRepository {

    Optional<Ticket> find(long id);

    void store(Ticket ticket);

    void store(Comment comment);

    List<Comment> commentsOf(long ticketId);

    /** One page of matching tickets, newest first, and the total number of matches. */
    PageOf<Ticket> search(TicketSearch search);

    long count();

    record PageOf<T>(List<T> items, long total) {
    }
}
