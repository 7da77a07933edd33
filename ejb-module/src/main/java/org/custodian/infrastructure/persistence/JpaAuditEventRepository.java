package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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
}
