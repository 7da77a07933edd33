package org.custodian.application.ticket;

/** What a bulk change did to one ticket: changed, or refused with why (in words for the person who asked). */
public record BulkResult(long ticketId, boolean changed, String reason) implements java.io.Serializable {
}
