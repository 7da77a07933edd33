package org.custodian.domain.model.retention;

import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.ticket.Ticket;

public interface RetentionRepository {

    List<RetentionPolicy> policies(boolean activeOnly);

    Optional<RetentionPolicy> findPolicyForUpdate(long id);

    void store(RetentionPolicy policy);

    List<LegalHold> holds(boolean activeOnly);

    Optional<LegalHold> findHoldForUpdate(long id);

    void store(LegalHold hold);

    /** Up to {@code limit} tickets with an id above {@code afterId}, in id order (the purge's stable order). */
    List<Ticket> ticketsAfter(long afterId, int limit);

    /** Removes a ticket and its comments (break-glass overrides and alerts referring to it are kept: see caller). */
    void delete(Ticket ticket);

    /** Replaces the text of every comment of the ticket (retention anonymization). */
    int anonymizeComments(long ticketId);

    /** Whether anything that must outlive the ticket refers to it (a break-glass override, an alert). */
    boolean isReferenced(long ticketId);
}
