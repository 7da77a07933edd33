package org.custodian.application.ticket;

/**
 * What a client sends to open a ticket; {@code region} defaults to the customer's region; {@code team} is the key of
 * the team it is routed to (#23), or null.
 */
public record NewTicket(Long customerId, String subject, String description, String priority, String category,
        String productSku, String siteCode, String region, String assignee, String team) {

    /** Routed to no team. */
    public NewTicket(Long customerId, String subject, String description, String priority, String category,
            String productSku, String siteCode, String region, String assignee) {
        this(customerId, subject, description, priority, category, productSku, siteCode, region, assignee, null);
    }
}
