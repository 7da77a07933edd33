package org.custodian.domain.model.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Set;

public interface RestrictionRepository {

    void store(ProcessingRestriction restriction);

    /** Customer records whose processing is restricted now (read for every request's access decisions). */
    Set<Long> restrictedCustomers();

    /** The active restrictions of these records. */
    List<ProcessingRestriction> activeOf(Collection<Long> customerIds);

    /** Every restriction a request made, active or lifted. */
    List<ProcessingRestriction> byRequest(long requestId);
}
