package org.custodian.domain.model.ticket;

public enum TicketPriority {
    LOW, NORMAL, HIGH, URGENT
}
