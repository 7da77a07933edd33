package org.custodian.domain.model.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface TicketRepository {

    Optional<Ticket> find(long id);

    void store(Ticket ticket);

    void store(Comment comment);

    /**
     * Writes pending changes now, inside the transaction: the caller then sees the new version
     * number, and the database's refusal (a constraint) surfaces here, before the reply is built.
     */
    void flush();

    /** Locks the ticket's row until the transaction ends and reloads its current state. */
    void lock(Ticket ticket);

    List<Comment> commentsOf(long ticketId);

    /** The comments with these ids (those that still exist), with their tickets. */
    List<Comment> comments(Collection<Long> commentIds);

    /** Every ticket of these customer records, oldest first. */
    List<Ticket> ofCustomers(Collection<Long> customerIds);

    /** Removes these comments for good. */
    void deleteComments(Collection<Long> commentIds);

    /** One page of matching tickets, newest first, and the total number of matches. */
    PageOf<Ticket> search(TicketSearch search);

    long count();

    record PageOf<T>(List<T> items, long total) {
    }
}
