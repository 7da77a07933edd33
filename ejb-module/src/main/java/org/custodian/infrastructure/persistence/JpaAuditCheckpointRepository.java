package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.custodian.domain.model.audit.AuditCheckpointRepository;

@ApplicationScoped
public class JpaAuditCheckpointRepository implements AuditCheckpointRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(AuditCheckpoint checkpoint) {
        entityManager.persist(checkpoint);
        entityManager.flush();
    }

    @Override
    public List<AuditCheckpoint> all() {
        return entityManager.createNamedQuery("AuditCheckpoint.findAll", AuditCheckpoint.class)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
    }

    @Override
    public Optional<AuditCheckpoint> latest() {
        return entityManager.createNamedQuery("AuditCheckpoint.findLatest", AuditCheckpoint.class)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<AuditCheckpoint> find(long treeSize) {
        return Optional.ofNullable(entityManager.find(AuditCheckpoint.class, treeSize));
    }

    @Override
    public List<AuditCheckpoint> between(long from, long to) {
        return entityManager.createNamedQuery("AuditCheckpoint.findBetween", AuditCheckpoint.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }
}
