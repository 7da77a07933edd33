package org.custodian.application.webhook;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodian.application.policy.ApiScope;
import org.custodian.application.policy.Permission;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.integration.ServiceAccount;
import org.custodian.domain.model.integration.ServiceAccountRepository;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.webhook.Webhook;
import org.custodian.domain.model.webhook.WebhookDelivery;
import org.custodian.domain.model.webhook.WebhookRepository;

/**
 * Writes the outbox rows in the caller's transaction (MANDATORY: an event without its change would be a lie).
 * A webhook gets a row when it wants the event (type, filter) and its account could read the record at all (its
 * scopes, its regions, not disabled); what of the record it sees is decided again, by the policy, at delivery.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DefaultWebhookEvents implements WebhookEvents {

    @Inject
    private WebhookRepository webhooks;

    @Inject
    private ServiceAccountRepository accounts;

    private final Clock clock = Clock.systemUTC();

    @Override
    public void ticketChanged(String eventType, Ticket ticket, Long commentId) {
        enqueue(eventType, "ticket", ticket.getId(), commentId, ticket.getRegion(), ticket.getCategory(),
                ticket.getPriority() == null ? null : ticket.getPriority().name(), Permission.TICKET_READ);
    }

    @Override
    public void customerChanged(String eventType, Customer customer) {
        enqueue(eventType, "customer", customer.getId(), null, customer.getRegion(), null, null,
                Permission.CUSTOMER_READ);
    }

    @Override
    public void customersChanged(String eventType, java.util.Collection<Customer> customers) {
        if (customers.isEmpty()) {
            return;
        }
        List<Webhook> wanting = webhooks.activeFor(eventType);
        if (wanting.isEmpty()) {
            return; // the common case of an import: nobody subscribed, one query for the whole chunk
        }
        Map<String, Optional<ServiceAccount>> owners = new HashMap<>();
        for (Customer customer : customers) {
            enqueue(wanting, owners, eventType, "customer", customer.getId(), null, customer.getRegion(), null, null,
                    Permission.CUSTOMER_READ);
        }
    }

    private void enqueue(String eventType, String resourceType, long resourceId, Long commentId, Region region,
            String category, String priority, Permission read) {
        enqueue(webhooks.activeFor(eventType), new HashMap<>(), eventType, resourceType, resourceId, commentId,
                region, category, priority, read);
    }

    private void enqueue(List<Webhook> wanting, Map<String, Optional<ServiceAccount>> owners, String eventType,
            String resourceType, long resourceId, Long commentId, Region region, String category, String priority,
            Permission read) {
        Instant now = clock.instant();
        for (Webhook webhook : wanting) {
            if (!webhook.wants(eventType, category, region == null ? null : region.name(), priority)) {
                continue;
            }
            ServiceAccount account = owners.computeIfAbsent(webhook.getAccount(), accounts::find).orElse(null);
            if (account == null || !account.isActiveAt(now)
                    || !ApiScope.permissionsOf(account.getScopes()).contains(read)
                    || region != null && !account.getRegions().contains(region)) {
                continue; // it could not read the record: nothing to tell it
            }
            webhooks.store(new WebhookDelivery(webhook.getId(), "msg_" + UUID.randomUUID().toString()
                    .replace("-", ""), eventType, resourceType, resourceId, commentId, now));
        }
    }
}
