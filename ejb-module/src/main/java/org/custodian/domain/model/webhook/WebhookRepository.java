package org.custodian.domain.model.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface WebhookRepository {

    void store(Webhook webhook);

    Optional<Webhook> find(long id);

    List<Webhook> ofAccount(String account);

    /** Every ACTIVE webhook subscribed to this event type (the enqueue filters further). */
    List<Webhook> activeFor(String eventType);

    void delete(Webhook webhook);

    void store(WebhookDelivery delivery);

    Optional<WebhookDelivery> findDelivery(long id);

    /**
     * The oldest due PENDING delivery of an ACTIVE webhook that no earlier PENDING delivery of the same webhook and
     * resource holds back, locked (skipping rows another node holds); empty when none is due.
     */
    Optional<WebhookDelivery> lockNextDue(Instant now);

    List<WebhookDelivery> deadLetters(long webhookId);
}
