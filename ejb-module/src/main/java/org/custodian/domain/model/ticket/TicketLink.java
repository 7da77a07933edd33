package org.custodian.domain.model.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.custodian.domain.shared.DomainRuleViolationException;

/** A link between two tickets (by id: a link is about tickets, it never loads them). */
@Entity
@Table(name = "ticket_link")
public class TicketLink {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_link_seq")
    @SequenceGenerator(name = "ticket_link_seq", sequenceName = "ticket_link_seq", allocationSize = 50)
    private Long id;

    @Column(name = "from_ticket", nullable = false)
    private long fromTicket;

    @Column(name = "to_ticket", nullable = false)
    private long toTicket;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TicketLinkKind kind;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TicketLink() {
        // for JPA
    }

    public TicketLink(long fromTicket, long toTicket, TicketLinkKind kind, String createdBy, Instant now) {
        if (fromTicket == toTicket) {
            throw new DomainRuleViolationException("ticketId", "a ticket cannot be linked to itself");
        }
        this.fromTicket = fromTicket;
        this.toTicket = toTicket;
        this.kind = kind;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** The other end seen from {@code ticketId}. */
    public long otherThan(long ticketId) {
        return fromTicket == ticketId ? toTicket : fromTicket;
    }

    public Long getId() {
        return id;
    }

    public long getFromTicket() {
        return fromTicket;
    }

    public long getToTicket() {
        return toTicket;
    }

    public TicketLinkKind getKind() {
        return kind;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
