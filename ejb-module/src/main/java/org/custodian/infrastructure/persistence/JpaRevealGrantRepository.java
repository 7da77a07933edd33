package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.custodian.domain.model.access.RevealGrant;
import org.custodian.domain.model.access.RevealGrantRepository;

@ApplicationScoped
public class JpaRevealGrantRepository implements RevealGrantRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public List<RevealGrant> active(String username, Instant now) {
        return entityManager.createNamedQuery("RevealGrant.findActiveFor", RevealGrant.class)
                .setParameter("username", username).setParameter("now", now).getResultList();
    }

    @Override
    public void store(RevealGrant grant) {
        entityManager.persist(grant);
        entityManager.flush();
    }
}
