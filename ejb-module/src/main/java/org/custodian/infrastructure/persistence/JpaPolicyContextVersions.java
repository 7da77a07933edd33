package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.custodian.domain.model.policy.PolicyContextVersions;

/** Reads the one row of {@code policy_context_version} (V113), which triggers change with the data it stands for. */
@ApplicationScoped
public class JpaPolicyContextVersions implements PolicyContextVersions {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public String current() {
        return entityManager.createNativeQuery("select version::text from policy_context_version where id = 1")
                .getSingleResult().toString();
    }
}
