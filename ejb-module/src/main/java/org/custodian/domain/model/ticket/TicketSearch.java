package org.custodian.domain.model.ticket;

import java.util.Set;
import org.custodian.domain.model.customer.Region;

/**
 * What a ticket list asks for. {@code regions} is already narrowed to what the caller may read;
 * {@code text} matches subject or description case-insensitively.
 */
public record TicketSearch(TicketStatus status, Set<Region> regions, String text, int page, int size) {
}
