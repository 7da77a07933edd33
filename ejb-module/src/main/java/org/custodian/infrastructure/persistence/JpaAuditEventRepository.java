package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.custodian.domain.model.audit.AuditChainHead;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;

@ApplicationScoped
public class JpaAuditEventRepository implements AuditEventRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public AuditChainHead lockHead() {
        AuditChainHead head = entityManager.find(AuditChainHead.class, AuditChainHead.SINGLETON_ID,
                LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_chain_head row is missing: the V1 migration seeds it");
        }
        return head;
    }

    @Override
    public AuditChainHead readHead() {
        AuditChainHead head = entityManager.find(AuditChainHead.class, AuditChainHead.SINGLETON_ID);
        entityManager.refresh(head);
        return head;
    }

    @Override
    public void store(AuditEvent event) {
        entityManager.persist(event);
    }

    @Override
    public List<AuditEvent> findAfter(long afterSequence, int limit) {
        // read-only: verification walks millions of events; none of them may pile up in the context
        return entityManager.createNamedQuery("AuditEvent.findAfterSequence", AuditEvent.class)
                .setParameter("after", afterSequence)
                .setMaxResults(limit)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
    }

    @Override
    public List<byte[]> leafHashes(long treeSize) {
        List<String> stored = entityManager.createQuery(
                        "SELECT e.leafHash FROM AuditEvent e WHERE e.sequence <= :size ORDER BY e.sequence", String.class)
                .setParameter("size", treeSize)
                .getResultList();
        List<byte[]> leaves = new ArrayList<>(stored.size());
        for (String hex : stored) {
            leaves.add(hex == null ? new byte[0] : HexFormat.of().parseHex(hex.trim()));
        }
        return leaves;
    }

    @Override
    public void store(AuditCheckpoint checkpoint) {
        entityManager.persist(checkpoint);
        entityManager.flush();
    }

    @Override
    public List<AuditCheckpoint> checkpoints() {
        return entityManager.createNamedQuery("AuditCheckpoint.findAll", AuditCheckpoint.class)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
    }

    @Override
    public Optional<AuditCheckpoint> latestCheckpoint() {
        return entityManager.createNamedQuery("AuditCheckpoint.findLatest", AuditCheckpoint.class)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<AuditCheckpoint> checkpoint(long treeSize) {
        return Optional.ofNullable(entityManager.find(AuditCheckpoint.class, treeSize));
    }

    @Override
    public List<AuditCheckpoint> checkpointsBetween(long from, long to) {
        return entityManager.createNamedQuery("AuditCheckpoint.findBetween", AuditCheckpoint.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }
}
