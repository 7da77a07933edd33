package org.custodian.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time link to set a password. The token itself is shown once to the administrator who made it; only its
 * keyed hash is kept, so neither a database reader nor a backup can use a link.
 */
@Entity
@Table(name = "user_invitation")
public class Invitation {

    /** Why a link no longer opens, or null while it does. */
    public enum Closed {
        USED, EXPIRED, REPLACED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_invitation_seq")
    @SequenceGenerator(name = "user_invitation_seq", sequenceName = "user_invitation_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "voided_at")
    private Instant voidedAt;

    protected Invitation() {
        // for JPA
    }

    public Invitation(String username, String tokenHash, String createdBy, Instant now, Instant expiresAt) {
        this.username = username;
        this.tokenHash = tokenHash;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public Closed closed(Instant now) {
        if (usedAt != null) {
            return Closed.USED;
        }
        if (voidedAt != null) {
            return Closed.REPLACED;
        }
        return now.isBefore(expiresAt) ? null : Closed.EXPIRED;
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    /** A newer invitation (or the account's disabling) makes this one unusable. */
    public void voidAt(Instant now) {
        if (usedAt == null && voidedAt == null) {
            this.voidedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
