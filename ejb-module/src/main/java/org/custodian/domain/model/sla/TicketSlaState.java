package org.custodian.domain.model.sla;

import java.util.List;

/** A ticket's SLA state with its clocks, as read together for a ticket's view. */
public record TicketSlaState(TicketSla sla, List<SlaClock> clocks) {
}
