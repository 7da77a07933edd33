package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;

@ApplicationScoped
public class JpaCustomerRepository implements CustomerRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Optional<Customer> findForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(Customer.class, id,
                LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Customer> find(long id) {
        return Optional.ofNullable(entityManager.find(Customer.class, id));
    }

    @Override
    public Optional<Customer> findByExternalId(String externalId) {
        return entityManager.createNamedQuery("Customer.findByExternalId", Customer.class)
                .setParameter("externalId", externalId)
                .getResultStream().findFirst();
    }

    @Override
    public void store(Customer customer) {
        entityManager.persist(customer);
    }

    @Override
    public long count() {
        return entityManager.createQuery("SELECT COUNT(c) FROM Customer c", Long.class).getSingleResult();
    }
}
