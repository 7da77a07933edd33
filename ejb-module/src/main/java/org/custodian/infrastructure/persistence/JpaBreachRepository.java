package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.domain.model.audit.Alert;
import org.custodian.domain.model.privacy.Breach;
import org.custodian.domain.model.privacy.BreachRepository;

@ApplicationScoped
public class JpaBreachRepository implements BreachRepository {

    /** Ids per IN list: a breach's scope may name tens of thousands of records. */
    private static final int CHUNK = 1000;

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(Breach breach) {
        entityManager.persist(breach);
        entityManager.flush(); // the id for the audit event and the reply
    }

    @Override
    public Optional<Breach> find(long id) {
        return Optional.ofNullable(entityManager.find(Breach.class, id));
    }

    @Override
    public Optional<Breach> findForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(Breach.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Breach> page(int first, int max) {
        return entityManager.createNamedQuery("Breach.page", Breach.class).setFirstResult(first)
                .setMaxResults(max).getResultList();
    }

    @Override
    public long count() {
        return entityManager.createNamedQuery("Breach.count", Long.class).getSingleResult();
    }

    @Override
    public Optional<Long> breachOfAlert(long alertId) {
        return entityManager.createNamedQuery("Breach.ofAlert", Long.class).setParameter("alert", alertId)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public Optional<Alert> alert(long alertId) {
        return Optional.ofNullable(entityManager.find(Alert.class, alertId));
    }

    @Override
    public Instant earliestAlarm() {
        return entityManager.createNamedQuery("Breach.earliestAlarm", Instant.class).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    @Override
    public List<Long> alarmsDue(Instant now, int limit) {
        return entityManager.createNamedQuery("Breach.alarmsDue", Long.class).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<Breach> lockAlarmsDue(Instant now, int limit) {
        return entityManager.createNamedQuery("Breach.dueForUpdate", Breach.class).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(limit).getResultList();
    }

    @Override
    public Map<Long, Long> customersOfTickets(Collection<Long> ticketIds) {
        Map<Long, Long> found = new HashMap<>();
        for (List<Long> chunk : chunks(ticketIds)) {
            for (Object[] row : entityManager.createQuery("SELECT t.id, t.customer.id FROM Ticket t WHERE t.id IN"
                    + " :ids", Object[].class).setParameter("ids", chunk).getResultList()) {
                found.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
            }
        }
        return found;
    }

    @Override
    public Map<Long, String> regionsOfCustomers(Collection<Long> customerIds) {
        Map<Long, String> found = new HashMap<>();
        for (List<Long> chunk : chunks(customerIds)) {
            for (Object[] row : entityManager.createQuery("SELECT c.id, c.region FROM Customer c WHERE c.id IN :ids",
                    Object[].class).setParameter("ids", chunk).getResultList()) {
                found.put(((Number) row[0]).longValue(), row[1] == null ? null : row[1].toString());
            }
        }
        return found;
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
