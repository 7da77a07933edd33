package org.custodian.application.ticket;

import java.time.Instant;

/**
 * One link as seen from a ticket: the other ticket, the kind, and whether this ticket is the link's source
 * ({@code outgoing}: this is the follow-up, or the duplicate) or its target.
 */
public record LinkView(long ticketId, String kind, boolean outgoing, String createdBy, Instant createdAt)
        implements java.io.Serializable {
}
