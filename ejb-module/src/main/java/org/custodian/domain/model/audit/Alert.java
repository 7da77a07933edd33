package org.custodian.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An anomaly found in the audit trail: which rule, whose behaviour, the evidence, and the ticket it opened. */
@Entity
@Table(name = "alert")
@NamedQuery(name = "Alert.findRecent", query = "SELECT a FROM Alert a ORDER BY a.createdAt DESC, a.id DESC")
@NamedQuery(name = "Alert.findLatestFor", query = "SELECT a FROM Alert a WHERE a.rule = :rule AND a.actor = :actor"
        + " ORDER BY a.createdAt DESC")
public class Alert {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_seq")
    @SequenceGenerator(name = "alert_seq", sequenceName = "alert_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 32)
    private String rule;

    @Column(nullable = false, length = 256)
    private String actor;

    @Column(name = "observed", nullable = false)
    private long observed;

    @Column(name = "threshold_value", nullable = false)
    private long threshold;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "window_end", nullable = false)
    private Instant windowEnd;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(nullable = false, length = 1000)
    private String detail;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Alert() {
        // for JPA
    }

    public Alert(String rule, String actor, long observed, long threshold, Instant windowStart, Instant windowEnd,
            long lastSequence, String detail, Instant now) {
        this.rule = rule;
        this.actor = actor;
        this.observed = observed;
        this.threshold = threshold;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.lastSequence = lastSequence;
        this.detail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        this.createdAt = now;
    }

    public void openedTicket(long id) {
        this.ticketId = id;
    }

    public Long getId() {
        return id;
    }

    public String getRule() {
        return rule;
    }

    public String getActor() {
        return actor;
    }

    public long getObserved() {
        return observed;
    }

    public long getThreshold() {
        return threshold;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public Instant getWindowEnd() {
        return windowEnd;
    }

    public long getLastSequence() {
        return lastSequence;
    }

    public String getDetail() {
        return detail;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
