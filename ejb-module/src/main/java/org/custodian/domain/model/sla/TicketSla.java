package org.custodian.domain.model.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which policy (and version) planned a ticket's clocks, on which calendar, and since when they are paused. */
@Entity
@Table(name = "ticket_sla")
public class TicketSla {

    @Id
    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "policy_id", nullable = false)
    private long policyId;

    @Column(name = "policy_version", nullable = false)
    private long policyVersion;

    @Column(name = "calendar_id", nullable = false)
    private long calendarId;

    /** While WAITING_ON_CUSTOMER: since when; null otherwise. */
    @Column(name = "paused_at")
    private Instant pausedAt;

    protected TicketSla() {
        // for JPA
    }

    public TicketSla(long ticketId, SlaPolicy policy) {
        this.ticketId = ticketId;
        applied(policy);
    }

    public void applied(SlaPolicy policy) {
        this.policyId = policy.getId();
        this.policyVersion = policy.getVersion();
        this.calendarId = policy.getCalendarId();
    }

    public void pause(Instant now) {
        if (pausedAt == null) {
            pausedAt = now;
        }
    }

    /** Ends a pause; returns since when it was paused (null: it was not). */
    public Instant resume() {
        Instant since = pausedAt;
        pausedAt = null;
        return since;
    }

    public boolean isPaused() {
        return pausedAt != null;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public long getPolicyId() {
        return policyId;
    }

    public long getPolicyVersion() {
        return policyVersion;
    }

    public long getCalendarId() {
        return calendarId;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }
}
