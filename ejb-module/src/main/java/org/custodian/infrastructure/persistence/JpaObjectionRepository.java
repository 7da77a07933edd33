package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import org.custodian.domain.model.privacy.ObjectionRepository;
import org.custodian.domain.model.privacy.ProcessingObjection;

@ApplicationScoped
public class JpaObjectionRepository implements ObjectionRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(ProcessingObjection objection) {
        entityManager.persist(objection);
        entityManager.flush();
    }

    @Override
    public List<ProcessingObjection> ofCustomer(long customerId) {
        return entityManager.createNamedQuery("ProcessingObjection.ofCustomer", ProcessingObjection.class)
                .setParameter("customerId", customerId).getResultList();
    }

    @Override
    public List<ProcessingObjection> ofCustomers(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createNamedQuery("ProcessingObjection.ofCustomers", ProcessingObjection.class)
                .setParameter("customerIds", customerIds).getResultList();
    }

    @Override
    public List<ProcessingObjection> byRequest(long requestId) {
        return entityManager.createNamedQuery("ProcessingObjection.byRequest", ProcessingObjection.class)
                .setParameter("requestId", requestId).getResultList();
    }
}
