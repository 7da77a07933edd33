package org.custodian.application.ticket;

/** Someone a ticket may be assigned to: an enabled user whose access lets them work it. */
public record AssignableUser(String username, String displayName) {
}
