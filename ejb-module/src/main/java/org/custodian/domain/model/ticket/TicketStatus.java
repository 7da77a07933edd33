package org.custodian.domain.model.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a ticket. A ticket is resolved before it is closed; a resolved ticket can be
 * reopened; a closed ticket is final (a follow-up gets a new ticket, so closed statistics hold).
 */
public enum TicketStatus {
    OPEN, IN_PROGRESS, RESOLVED, CLOSED;

    public Set<TicketStatus> allowedNext() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case IN_PROGRESS -> EnumSet.of(OPEN, RESOLVED);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canMoveTo(TicketStatus next) {
        return this == next || allowedNext().contains(next);
    }

    /** Resolved and closed tickets carry a resolution time. */
    public boolean isResolved() {
        return this == RESOLVED || this == CLOSED;
    }
}
