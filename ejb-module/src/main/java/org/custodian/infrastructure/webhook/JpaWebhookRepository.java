package org.custodian.infrastructure.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.webhook.Webhook;
import org.custodian.domain.model.webhook.WebhookDelivery;
import org.custodian.domain.model.webhook.WebhookRepository;

@ApplicationScoped
public class JpaWebhookRepository implements WebhookRepository {

    /**
     * In order per resource: a row waits while an earlier row of its webhook and resource is still PENDING (a DEAD
     * one no longer holds the later ones back); a paused webhook's rows wait where they are. Rows another node
     * holds are skipped, so two nodes never send the same attempt.
     */
    static final String NEXT_DUE_SQL = "select d.id from webhook_delivery d"
            + " join webhook w on w.id = d.webhook_id"
            + " where d.status = 'PENDING' and d.next_attempt_at <= ? and w.state = 'ACTIVE'"
            + " and not exists (select 1 from webhook_delivery e where e.webhook_id = d.webhook_id"
            + " and e.resource_type = d.resource_type and e.resource_id = d.resource_id"
            + " and e.status = 'PENDING' and e.id < d.id)"
            + " order by d.next_attempt_at, d.id limit 1 for update of d skip locked";

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(Webhook webhook) {
        entityManager.persist(webhook);
        entityManager.flush();
    }

    @Override
    public Optional<Webhook> find(long id) {
        return Optional.ofNullable(entityManager.find(Webhook.class, id));
    }

    @Override
    public List<Webhook> ofAccount(String account) {
        return entityManager.createQuery("SELECT w FROM Webhook w WHERE w.account = :account ORDER BY w.id",
                Webhook.class).setParameter("account", account).getResultList();
    }

    @Override
    public List<Webhook> activeFor(String eventType) {
        // events is a short comma-separated list: the exact match is made in Webhook.wants
        return entityManager.createQuery("SELECT w FROM Webhook w WHERE w.state = :state AND w.events LIKE :event",
                Webhook.class).setParameter("state", Webhook.State.ACTIVE)
                .setParameter("event", "%" + eventType + "%").getResultList();
    }

    @Override
    public void delete(Webhook webhook) {
        entityManager.remove(webhook);
        entityManager.flush();
    }

    @Override
    public void store(WebhookDelivery delivery) {
        entityManager.persist(delivery);
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(long id) {
        return Optional.ofNullable(entityManager.find(WebhookDelivery.class, id));
    }

    @Override
    public Optional<WebhookDelivery> lockNextDue(Instant now) {
        List<?> ids = entityManager.createNativeQuery(NEXT_DUE_SQL)
                .setParameter(1, Timestamp.from(now)).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        WebhookDelivery delivery = entityManager.find(WebhookDelivery.class, ((Number) ids.get(0)).longValue());
        // locked by this transaction already; refresh so a row cached before is read as it is now
        entityManager.refresh(delivery);
        return Optional.of(delivery);
    }

    @Override
    public List<WebhookDelivery> deadLetters(long webhookId) {
        return entityManager.createQuery("SELECT d FROM WebhookDelivery d WHERE d.webhookId = :webhook"
                + " AND d.status = :status ORDER BY d.id", WebhookDelivery.class).setParameter("webhook", webhookId)
                .setParameter("status", WebhookDelivery.Status.DEAD).getResultList();
    }
}
