package org.custodian.application.ticket;

import java.time.Instant;
import java.util.List;
import org.custodian.domain.model.ticket.Ticket;

/** A ticket as the API returns it. */
public record TicketView(Long id, String subject, String description, String status, String priority,
        String category, String productSku, String siteCode, String region, String assignee, Long customerId,
        Instant createdAt, Instant updatedAt, Instant resolvedAt, long version) {

    public static final List<String> FIELDS = List.of("subject", "description", "status", "priority", "category",
            "productSku", "siteCode", "region", "assignee", "customerId", "createdAt", "updatedAt", "resolvedAt");

    public static TicketView of(Ticket ticket) {
        return new TicketView(ticket.getId(), ticket.getSubject(), ticket.getDescription(), ticket.getStatus().name(),
                ticket.getPriority().name(), ticket.getCategory(), ticket.getProductSku(), ticket.getSiteCode(),
                ticket.getRegion().name(), ticket.getAssignee(), ticket.getCustomer().getId(), ticket.getCreatedAt(),
                ticket.getUpdatedAt(), ticket.getResolvedAt(), ticket.getVersion());
    }
}
