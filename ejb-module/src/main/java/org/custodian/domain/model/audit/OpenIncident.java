package org.custodian.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The latest alert and ticket opened for one cause (an anomaly rule about an actor, a kind of backup failure of a
 * set). While that ticket is open, the same cause opens no second one. One row per cause: its primary key is what
 * keeps two simultaneous incidents from both opening a ticket.
 */
@Entity
@Table(name = "open_incident")
public class OpenIncident {

    public static final int MAX_KEY = 300;

    @Id
    @Column(name = "dedup_key", length = MAX_KEY)
    private String key;

    @Column(name = "alert_id")
    private Long alertId;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    protected OpenIncident() {
        // for JPA
    }

    /** A cause's key, cut to the column's length. */
    public static String key(String... parts) {
        String joined = String.join("|", parts);
        return joined.length() > MAX_KEY ? joined.substring(0, MAX_KEY) : joined;
    }

    public void opened(long alert, long ticket, Instant now) {
        this.alertId = alert;
        this.ticketId = ticket;
        this.openedAt = now;
    }

    /** A ticket opened without an alert record (a monitoring event from outside, #24). */
    public void openedTicket(long ticket, Instant now) {
        this.ticketId = ticket;
        this.openedAt = now;
    }

    public String getKey() {
        return key;
    }

    public Long getAlertId() {
        return alertId;
    }

    public Long getTicketId() {
        return ticketId;
    }
}
