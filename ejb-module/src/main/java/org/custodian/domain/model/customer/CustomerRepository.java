package org.custodian.domain.model.customer;

import java.util.List;
import java.util.Optional;

public interface CustomerRepository {

    Optional<Customer> find(long id);

    /** The record, locked until the transaction ends (an erasure waits for, or is waited for by, the caller). */
    Optional<Customer> findForUpdate(long id);

    Optional<Customer> findByExternalId(String externalId);

    void store(Customer customer);

    /** Writes pending changes now: the caller then sees the new version number. */
    void flush();

    long count();

    /** One page of the customers a directory search finds, and how many it finds in all. */
    Page search(CustomerSearch search);

    record Page(List<Customer> items, long total) {
    }
}
