package org.custodian.domain.model.retention;

import java.time.Instant;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.ticket.TicketStatus;

/**
 * The few facts of a ticket that retention decides on, read as a projection: a purge over a million tickets
 * never loads their text, and a preview never fills a persistence context.
 */
public record RetentionSubject(long ticketId, long customerId, String category, Region region, TicketStatus status,
        Instant createdAt, Instant updatedAt, Instant resolvedAt, Instant anonymizedAt) {

    public boolean isAnonymized() {
        return anonymizedAt != null;
    }
}
