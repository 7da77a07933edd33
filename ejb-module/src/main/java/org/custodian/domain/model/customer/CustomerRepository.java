package org.custodian.domain.model.customer;

import java.util.Optional;

public interface CustomerRepository {

    Optional<Customer> find(long id);

    /** The record, locked until the transaction ends (an erasure waits for, or is waited for by, the caller). */
    Optional<Customer> findForUpdate(long id);

    Optional<Customer> findByExternalId(String externalId);

    void store(Customer customer);

    long count();
}
