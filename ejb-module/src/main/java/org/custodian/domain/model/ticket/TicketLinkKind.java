package org.custodian.domain.model.ticket;

/**
 * How two tickets are linked (from -> to): RELATED either way; FOLLOW_UP from the new ticket to the one it follows
 * (opened after the reopen window); DUPLICATE from a closed duplicate to the ticket it was merged into.
 */
public enum TicketLinkKind {
    RELATED, FOLLOW_UP, DUPLICATE
}
