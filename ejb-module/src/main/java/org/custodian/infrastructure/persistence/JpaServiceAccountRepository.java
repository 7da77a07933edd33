package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.integration.ServiceAccount;
import org.custodian.domain.model.integration.ServiceAccountKey;
import org.custodian.domain.model.integration.ServiceAccountRepository;

@ApplicationScoped
public class JpaServiceAccountRepository implements ServiceAccountRepository {

    private static final int LIST_LIMIT = 500;

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public List<ServiceAccount> findAll() {
        return entityManager.createNamedQuery("ServiceAccount.findAll", ServiceAccount.class)
                .setMaxResults(LIST_LIMIT).getResultList();
    }

    @Override
    public Optional<ServiceAccount> find(String name) {
        return Optional.ofNullable(entityManager.find(ServiceAccount.class, name));
    }

    @Override
    public Optional<ServiceAccount> findForUpdate(String name) {
        return Optional.ofNullable(entityManager.find(ServiceAccount.class, name, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(ServiceAccount account) {
        entityManager.persist(account);
        entityManager.flush();
    }

    @Override
    public List<ServiceAccountKey> keysOf(String account) {
        return entityManager.createNamedQuery("ServiceAccountKey.findByAccount", ServiceAccountKey.class)
                .setParameter("account", account).getResultList();
    }

    @Override
    public Optional<ServiceAccountKey> findKey(String keyId) {
        return Optional.ofNullable(entityManager.find(ServiceAccountKey.class, keyId));
    }

    @Override
    public void store(ServiceAccountKey key) {
        entityManager.persist(key);
        entityManager.flush();
    }
}
