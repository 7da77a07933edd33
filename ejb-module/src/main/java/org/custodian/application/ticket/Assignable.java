package org.custodian.application.ticket;

import java.util.List;

/** Who may work a ticket (#23): the teams it may be routed to and the people it may be assigned to. */
public record Assignable(List<AssignableTeam> teams, List<AssignableUser> users) {
}
