package org.custodian.domain.model.ticket;

import java.util.List;

/**
 * New tickets stored many at a time (an import's chunk, #24): one batched statement instead of one entity persist
 * each. The tickets are built with their constructor (the same checks and masked copies; comments made on them
 * update their activity before they are written) and identified with reserved ids, but never handed to the
 * persistence context.
 */
public interface TicketBatchRepository {

    /** {@code count} ids for new tickets, from the sequence the entity mapping draws from, in order. */
    List<Long> newIds(int count);

    /**
     * Inserts the tickets as they are now, each identified with one of {@link #newIds} ({@link Ticket#identifyAs}),
     * in the caller's transaction; their customers must already be written. They stay detached.
     */
    void insertAll(List<Ticket> tickets);
}
