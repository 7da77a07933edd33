package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.audit.Alert;
import org.custodian.domain.model.audit.AlertRepository;
import org.custodian.domain.model.audit.OpenIncident;

@ApplicationScoped
public class JpaAlertRepository implements AlertRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(Alert alert) {
        entityManager.persist(alert);
        entityManager.flush();
    }

    @Override
    public List<Alert> recent(int limit) {
        return entityManager.createNamedQuery("Alert.findRecent", Alert.class).setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<Alert> latest(String rule, String actor) {
        return entityManager.createNamedQuery("Alert.findLatestFor", Alert.class)
                .setParameter("rule", rule)
                .setParameter("actor", actor)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public OpenIncident lockIncident(String key, Instant now) {
        // a concurrent insert of the same key makes this one wait for it, then do nothing: never a duplicate key
        entityManager.createNativeQuery("insert into open_incident (dedup_key, opened_at) values (?1, ?2)"
                + " on conflict (dedup_key) do nothing")
                .setParameter(1, key).setParameter(2, Timestamp.from(now)).executeUpdate();
        return entityManager.find(OpenIncident.class, key, LockModeType.PESSIMISTIC_WRITE);
    }
}
