package org.custodian.domain.model.customer;

import java.util.List;

/**
 * New customers stored many at a time (an import's chunk, #24): one batched statement instead of one entity persist
 * each. The customers are built with their constructor (the same checks) and identified with reserved ids, but never
 * handed to the persistence context.
 */
public interface CustomerBatchRepository {

    /** {@code count} ids for new customers, from the sequence the entity mapping draws from, in order. */
    List<Long> newIds(int count);

    /**
     * Inserts the customers, each identified with one of {@link #newIds} ({@link Customer#identifyAs}), in the
     * caller's transaction; they stay detached.
     */
    void insertAll(List<Customer> customers);
}
