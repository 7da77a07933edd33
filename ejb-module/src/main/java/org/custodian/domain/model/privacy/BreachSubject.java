package org.custodian.domain.model.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One subject whose data a breach concerned: the customer's id and region and how many of their records. */
@Embeddable
public class BreachSubject {

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(length = 8)
    private String region;

    @Column(nullable = false)
    private int records;

    protected BreachSubject() {
        // for JPA
    }

    public BreachSubject(long customerId, String region, int records) {
        this.customerId = customerId;
        this.region = region;
        this.records = records;
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getRegion() {
        return region;
    }

    public int getRecords() {
        return records;
    }
}
