package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.retention.LegalHold;
import org.custodian.domain.model.retention.RetentionPolicy;
import org.custodian.domain.model.retention.RetentionRepository;
import org.custodian.domain.model.ticket.Ticket;

@ApplicationScoped
public class JpaRetentionRepository implements RetentionRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public List<RetentionPolicy> policies(boolean activeOnly) {
        return entityManager.createNamedQuery(activeOnly ? "RetentionPolicy.findActive" : "RetentionPolicy.findAll",
                RetentionPolicy.class).getResultList();
    }

    @Override
    public Optional<RetentionPolicy> findPolicyForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(RetentionPolicy.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(RetentionPolicy policy) {
        entityManager.persist(policy);
        entityManager.flush();
    }

    @Override
    public List<LegalHold> holds(boolean activeOnly) {
        return entityManager.createNamedQuery(activeOnly ? "LegalHold.findActive" : "LegalHold.findAll",
                LegalHold.class).getResultList();
    }

    @Override
    public Optional<LegalHold> findHoldForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(LegalHold.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(LegalHold hold) {
        entityManager.persist(hold);
        entityManager.flush();
    }

    @Override
    public List<Ticket> ticketsAfter(long afterId, int limit) {
        return entityManager.createQuery("SELECT t FROM Ticket t WHERE t.id > :after ORDER BY t.id", Ticket.class)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void delete(Ticket ticket) {
        entityManager.createQuery("DELETE FROM Comment c WHERE c.ticket.id = :id")
                .setParameter("id", ticket.getId()).executeUpdate();
        entityManager.remove(entityManager.contains(ticket) ? ticket : entityManager.merge(ticket));
        entityManager.flush();
    }

    @Override
    public boolean isReferenced(long ticketId) {
        long overrides = entityManager.createQuery("SELECT COUNT(o) FROM AccessOverride o WHERE o.ticketId = :id",
                Long.class).setParameter("id", ticketId).getSingleResult();
        long alerts = entityManager.createQuery("SELECT COUNT(a) FROM Alert a WHERE a.ticketId = :id", Long.class)
                .setParameter("id", ticketId).getSingleResult();
        return overrides + alerts > 0;
    }

    @Override
    public int anonymizeComments(long ticketId) {
        return entityManager.createQuery("UPDATE Comment c SET c.body = :text, c.bodyMasked = :text"
                        + " WHERE c.ticket.id = :id")
                .setParameter("text", Ticket.ANONYMIZED)
                .setParameter("id", ticketId)
                .executeUpdate();
    }
}
