package org.custodian.domain.model.ticket;

import static org.custodian.domain.model.ticket.TicketStatus.CLOSED;
import static org.custodian.domain.model.ticket.TicketStatus.IN_PROGRESS;
import static org.custodian.domain.model.ticket.TicketStatus.OPEN;
import static org.custodian.domain.model.ticket.TicketStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TicketStatusTest {

    /** The full 5x5 transition table, so adding or dropping any edge makes exactly one row fail. */
    @ParameterizedTest(name = "{0} -> {1} allowed={2}")
    @CsvSource({
            "OPEN,        OPEN,        true",
            "OPEN,        IN_PROGRESS, true",
            "OPEN,        WAITING_ON_CUSTOMER, true",
            "OPEN,        RESOLVED,    true",
            "OPEN,        CLOSED,      false",   // must be resolved before it is closed
            "IN_PROGRESS, OPEN,        true",
            "IN_PROGRESS, IN_PROGRESS, true",
            "IN_PROGRESS, WAITING_ON_CUSTOMER, true",
            "IN_PROGRESS, RESOLVED,    true",
            "IN_PROGRESS, CLOSED,      false",
            "WAITING_ON_CUSTOMER, OPEN,        false",
            "WAITING_ON_CUSTOMER, IN_PROGRESS, true",   // the customer answered (or the agent takes it back)
            "WAITING_ON_CUSTOMER, WAITING_ON_CUSTOMER, true",
            "WAITING_ON_CUSTOMER, RESOLVED,    true",
            "WAITING_ON_CUSTOMER, CLOSED,      false",
            "RESOLVED,    OPEN,        false",
            "RESOLVED,    IN_PROGRESS, false",   // a reopen, with a reason and within the window (Ticket.reopen)
            "RESOLVED,    WAITING_ON_CUSTOMER, false",
            "RESOLVED,    RESOLVED,    true",
            "RESOLVED,    CLOSED,      true",
            "CLOSED,      OPEN,        false",   // closed: only a reopen within the window, else a follow-up
            "CLOSED,      IN_PROGRESS, false",
            "CLOSED,      WAITING_ON_CUSTOMER, false",
            "CLOSED,      RESOLVED,    false",
            "CLOSED,      CLOSED,      true",    // staying put is not a transition
    })
    void transitionTable(TicketStatus from, TicketStatus to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void stayingInTheSameStatusIsAlwaysAllowed(TicketStatus status) {
        assertTrue(status.canMoveTo(status));
    }

    @Test
    void allowedNextListsOnlyRealTransitions() {
        // allowedNext feeds the error message, so it must not contain the status itself.
        assertEquals(EnumSet.of(IN_PROGRESS, TicketStatus.WAITING_ON_CUSTOMER, RESOLVED), OPEN.allowedNext());
        assertEquals(EnumSet.of(OPEN, TicketStatus.WAITING_ON_CUSTOMER, RESOLVED), IN_PROGRESS.allowedNext());
        assertEquals(EnumSet.of(IN_PROGRESS, RESOLVED), TicketStatus.WAITING_ON_CUSTOMER.allowedNext());
        assertEquals(EnumSet.of(CLOSED), RESOLVED.allowedNext());
        assertTrue(CLOSED.allowedNext().isEmpty());
    }

    @Test
    void onlyResolvedAndClosedCarryAResolutionTime() {
        assertFalse(OPEN.isResolved());
        assertFalse(IN_PROGRESS.isResolved());
        assertFalse(TicketStatus.WAITING_ON_CUSTOMER.isResolved());
        assertTrue(RESOLVED.isResolved());
        assertTrue(CLOSED.isResolved());
    }
}
