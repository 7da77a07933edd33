package org.custodian.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A grant of a {@link FourEyes#GUARDED} role, waiting for a second person or decided by one. */
@Entity
@Table(name = "role_grant_request")
public class RoleGrantRequest {

    public enum Status {
        PENDING, APPROVED, REJECTED,
        /** The role was no longer wanted (taken out of a later change) or the user was disabled. */
        WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "role_grant_request_seq")
    @SequenceGenerator(name = "role_grant_request_seq", sequenceName = "role_grant_request_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(length = 500)
    private String reason;

    /** Two approvers at once: one wins, the other gets a 409. */
    @Version
    private long version;

    protected RoleGrantRequest() {
        // for JPA
    }

    public RoleGrantRequest(String username, Role role, String requestedBy, Instant now) {
        this.username = username;
        this.role = role;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.status = Status.PENDING;
    }

    public void decide(Status outcome, String by, String why, Instant now) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("request " + id + " is already " + status);
        }
        this.status = outcome;
        this.decidedBy = by;
        this.reason = why;
        this.decidedAt = now;
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public Role getRole() {
        return role;
    }

    public Status getStatus() {
        return status;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getReason() {
        return reason;
    }
}
