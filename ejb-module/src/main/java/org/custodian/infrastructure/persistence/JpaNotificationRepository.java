package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.domain.model.notification.NotificationMail;
import org.custodian.domain.model.notification.NotificationPreference;
import org.custodian.domain.model.notification.NotificationRepository;

@ApplicationScoped
public class JpaNotificationRepository implements NotificationRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Optional<NotificationPreference> preferenceOf(String username) {
        return Optional.ofNullable(entityManager.find(NotificationPreference.class, username));
    }

    @Override
    public void store(NotificationPreference preference) {
        if (!entityManager.contains(preference)) {
            entityManager.persist(preference);
        }
    }

    @Override
    public void store(NotificationMail mail) {
        entityManager.persist(mail);
    }

    @Override
    public Optional<NotificationMail> lockNextDue(Instant now) {
        List<?> ids = entityManager.createNativeQuery("select id from notification_mail where status = 'PENDING'"
                + " and next_attempt_at <= ? order by next_attempt_at, id limit 1 for update skip locked")
                .setParameter(1, Timestamp.from(now)).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        // locked by this transaction already; refreshed so a row cached before is read as it is now
        NotificationMail mail = entityManager.find(NotificationMail.class, ((Number) ids.get(0)).longValue());
        entityManager.refresh(mail);
        return Optional.of(mail);
    }

    @Override
    public Map<NotificationMail.Status, Long> outboxCounts() {
        Map<NotificationMail.Status, Long> counts = new EnumMap<>(NotificationMail.Status.class);
        for (Object[] row : entityManager.createQuery("SELECT m.status, COUNT(m) FROM NotificationMail m"
                + " GROUP BY m.status", Object[].class).getResultList()) {
            counts.put((NotificationMail.Status) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
