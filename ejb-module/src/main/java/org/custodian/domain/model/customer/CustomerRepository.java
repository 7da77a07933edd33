package org.custodian.domain.model.customer;

import java.util.Optional;

public interface CustomerRepository {

    Optional<Customer> find(long id);

    Optional<Customer> findByExternalId(String externalId);

    void store(Customer customer);

    long count();
}
