package org.custodian.domain.model.privacy;

import java.util.Collection;
import java.util.List;

/** The objections carried out (Art. 21): which purposes stay refused for which subject records. */
public interface ObjectionRepository {

    void store(ProcessingObjection objection);

    /** The objections standing for one customer record, by purpose. */
    List<ProcessingObjection> ofCustomer(long customerId);

    /** The objections standing for any of these records. */
    List<ProcessingObjection> ofCustomers(Collection<Long> customerIds);

    List<ProcessingObjection> byRequest(long requestId);
}
