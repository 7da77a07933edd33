package org.custodian.application.ticket;

/** What a client sends to open a ticket; {@code region} defaults to the customer's region. */
public record NewTicket(Long customerId, String subject, String description, String priority, String category,
        String productSku, String siteCode, String region, String assignee) {
}
