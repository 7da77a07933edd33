package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.audit.Alert;
import org.custodian.domain.model.audit.AlertRepository;

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
}
