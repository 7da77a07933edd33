package org.custodian.domain.model.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a ticket. A ticket is resolved before it is closed. WAITING_ON_CUSTOMER parks a ticket until the
 * customer answers (a PUBLIC comment through a customer channel moves it back to IN_PROGRESS). Resolved and closed
 * tickets come back only by a reopen with a reason within the reopen window ({@link Ticket#reopen}); after it a
 * follow-up ticket is opened, so closed statistics hold.
 */
public enum TicketStatus {
    OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED;

    /** The statuses a plain status change may move to (a reopen is its own transition, not listed here). */
    public Set<TicketStatus> allowedNext() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED);
            case IN_PROGRESS -> EnumSet.of(OPEN, WAITING_ON_CUSTOMER, RESOLVED);
            case WAITING_ON_CUSTOMER -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED);
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
