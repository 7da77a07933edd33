package org.custodian.domain.model.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.team.Team;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.junit.jupiter.api.Test;

/** Routing a ticket to a team (#23): a change of team is a change of the ticket; a closed one takes none. */
class TicketTeamTest {

    private static final Instant CREATED = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant LATER = CREATED.plus(Duration.ofHours(1));

    private final Customer customer =
            new Customer("C-1", "Jane Doe", "jane@example.com", "+49 30 1234567", Region.EU, CREATED);
    private final Team network = new Team("eu-network", "EU Network", Region.EU, CREATED);
    private final Team billing = new Team("eu-billing", "EU Billing", Region.EU, CREATED);

    private Ticket ticket() {
        return new Ticket(new TicketDetails("Printer jams", "Tray 2 jams.", TicketPriority.NORMAL, "HARDWARE", null,
                null, null), customer, Region.EU, CREATED);
    }

    @Test
    void aTicketIsRoutedToATeamAndAwayFromIt() {
        Ticket ticket = ticket();
        assertNull(ticket.getTeam(), "no team until routed");
        assertTrue(ticket.routeTo(network, LATER));
        assertSame(network, ticket.getTeam());
        assertEquals(LATER, ticket.getUpdatedAt(), "a change of team is a change of the ticket");
        assertFalse(ticket.routeTo(new Team("eu-network", "Same key", Region.EU, CREATED), LATER),
                "the same team (by key) is no change");
        assertTrue(ticket.routeTo(billing, LATER));
        assertTrue(ticket.routeTo(null, LATER));
        assertNull(ticket.getTeam());
        assertFalse(ticket.routeTo(null, LATER));
    }

    @Test
    void aClosedTicketIsRoutedNowhere() {
        Ticket ticket = ticket();
        ticket.closeAsDuplicate(LATER);
        DomainRuleViolationException refused = assertThrows(DomainRuleViolationException.class,
                () -> ticket.routeTo(network, LATER));
        assertEquals("team", refused.getViolations().get(0).field());
        assertNull(ticket.getTeam());
        assertFalse(ticket.routeTo(null, LATER), "no change is no refusal (a revision that closes it keeps its team)");
    }
}
