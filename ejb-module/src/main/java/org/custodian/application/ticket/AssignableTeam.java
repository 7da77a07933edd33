package org.custodian.application.ticket;

import java.util.List;

/**
 * A team a ticket may be routed to (#23): of the ticket's region, with {@code members} the ones of its people who
 * may work the ticket (at least one).
 */
public record AssignableTeam(String key, String name, List<String> members) {
}
