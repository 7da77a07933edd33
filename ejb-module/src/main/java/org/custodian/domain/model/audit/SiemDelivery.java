package org.custodian.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * How far the audit trail has been delivered to one SIEM sink. The trail itself is the persistent, ordered
 * outbox: nothing is copied per event, and the backlog is simply every event after {@code deliveredSequence}.
 * The position moves only after the collector accepted a batch, so a collector that is down loses nothing.
 */
@Entity
@Table(name = "siem_delivery")
public class SiemDelivery {

    @Id
    @Column(length = 32)
    private String sink;

    @Column(name = "delivered_sequence", nullable = false)
    private long deliveredSequence;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "last_error_at")
    private Instant lastErrorAt;

    @Column(name = "failures", nullable = false)
    private long failures;

    protected SiemDelivery() {
        // for JPA
    }

    public SiemDelivery(String sink) {
        this.sink = sink;
    }

    public void delivered(long upToSequence, Instant now) {
        if (upToSequence <= deliveredSequence) {
            throw new IllegalArgumentException("delivery only moves forward: " + upToSequence + " after "
                    + deliveredSequence);
        }
        deliveredSequence = upToSequence;
        deliveredAt = now;
        failures = 0;
        lastError = null;
    }

    public void failed(String error, Instant now) {
        lastError = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        lastErrorAt = now;
        failures++;
    }

    public String getSink() {
        return sink;
    }

    public long getDeliveredSequence() {
        return deliveredSequence;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getLastErrorAt() {
        return lastErrorAt;
    }

    public long getFailures() {
        return failures;
    }
}
