package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.domain.model.privacy.ProcessingRestriction;
import org.custodian.domain.model.privacy.RestrictionRepository;

@ApplicationScoped
public class JpaRestrictionRepository implements RestrictionRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(ProcessingRestriction restriction) {
        entityManager.persist(restriction);
        entityManager.flush();
    }

    @Override
    public Set<Long> restrictedCustomers() {
        return new TreeSet<>(entityManager.createNamedQuery("ProcessingRestriction.activeCustomers", Long.class)
                .getResultList());
    }

    @Override
    public List<ProcessingRestriction> activeOf(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createNamedQuery("ProcessingRestriction.activeOf", ProcessingRestriction.class)
                .setParameter("customerIds", customerIds).getResultList();
    }

    @Override
    public List<ProcessingRestriction> byRequest(long requestId) {
        return entityManager.createNamedQuery("ProcessingRestriction.byRequest", ProcessingRestriction.class)
                .setParameter("requestId", requestId).getResultList();
    }
}
