package org.custodian.domain.model.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * What a subject request left on one customer record and that outlasts the request (an objection, a restriction):
 * which request made it and for whom, the two columns each such table has.
 */
@MappedSuperclass
public abstract class RequestEffect {

    @Column(name = "request_id", nullable = false)
    private long requestId;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    protected RequestEffect() {
        // for JPA
    }

    protected RequestEffect(long requestId, long customerId) {
        this.requestId = requestId;
        this.customerId = customerId;
    }

    public long getRequestId() {
        return requestId;
    }

    public long getCustomerId() {
        return customerId;
    }
}
