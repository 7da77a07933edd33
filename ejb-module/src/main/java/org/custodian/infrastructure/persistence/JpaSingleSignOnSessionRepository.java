package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.user.SingleSignOnSession;
import org.custodian.domain.model.user.SingleSignOnSessionRepository;

@ApplicationScoped
public class JpaSingleSignOnSessionRepository implements SingleSignOnSessionRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(SingleSignOnSession session) {
        entityManager.persist(session);
    }

    @Override
    public Optional<SingleSignOnSession> find(String id) {
        return Optional.ofNullable(entityManager.find(SingleSignOnSession.class, id));
    }

    @Override
    public boolean isOpen(String id) {
        // a native count, not the entity: never a stale copy from a cache when another node ended it
        Number open = (Number) entityManager.createNativeQuery("select count(*) from sso_session where id = ?1"
                + " and ended_at is null").setParameter(1, id).getSingleResult();
        return open.longValue() > 0;
    }

    @Override
    public List<SingleSignOnSession> lockOpenBySid(String issuer, String sid, Instant before) {
        return entityManager.createNamedQuery("SingleSignOnSession.findOpenBySid", SingleSignOnSession.class)
                .setParameter("issuer", issuer).setParameter("sid", sid).setParameter("before", before)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public List<SingleSignOnSession> lockOpenBySubject(String issuer, String subject, Instant before) {
        return entityManager.createNamedQuery("SingleSignOnSession.findOpenBySubject", SingleSignOnSession.class)
                .setParameter("issuer", issuer).setParameter("subject", subject).setParameter("before", before)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public int forgetStartedBefore(Instant before) {
        return entityManager.createQuery("DELETE FROM SingleSignOnSession s WHERE s.startedAt < :before")
                .setParameter("before", before).executeUpdate();
    }
}
