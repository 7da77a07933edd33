package org.custodian.domain.model.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One API key of a service account. Only a keyed hash of its secret is kept; the secret is shown once, when the
 * key is made. A key is live until it is revoked or expires; an account has at most {@link #MAX_LIVE} live keys, so
 * an integration can change over to a new key before the old one is revoked.
 */
@Entity
@Table(name = "service_account_key")
@NamedQuery(name = "ServiceAccountKey.findByAccount",
        query = "SELECT k FROM ServiceAccountKey k WHERE k.account = :account ORDER BY k.createdAt, k.keyId")
public class ServiceAccountKey {

    public static final int MAX_LIVE = 2;
    /** Last use is written at most this often per key: a read per request, not a write. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @Id
    @Column(name = "key_id", length = 16)
    private String keyId;

    @Column(nullable = false, length = 64)
    private String account;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 256)
    private String createdBy;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "rate_limit")
    private Integer rateLimit;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 256)
    private String revokedBy;

    @Column(name = "revoke_reason", length = 1000)
    private String revokeReason;

    protected ServiceAccountKey() {
        // for JPA
    }

    public ServiceAccountKey(String keyId, String account, String secretHash, Instant expiresAt, Integer rateLimit,
            String createdBy, Instant now) {
        this.keyId = keyId;
        this.account = account;
        this.secretHash = secretHash;
        this.expiresAt = expiresAt;
        this.rateLimit = rateLimit;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public boolean isLiveAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public String state(Instant now) {
        if (revokedAt != null) {
            return "REVOKED";
        }
        return expiresAt.isAfter(now) ? "ACTIVE" : "EXPIRED";
    }

    /** Revokes the key now; a key revoked before stays revoked as it was. */
    public boolean revoke(String actor, String reason, Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        revokedBy = actor;
        revokeReason = reason;
        return true;
    }

    /** Records a use; true when the stored time changed (at most once per {@link #LAST_USED_RESOLUTION}). */
    public boolean markUsed(Instant now) {
        if (lastUsedAt != null && lastUsedAt.plus(LAST_USED_RESOLUTION).isAfter(now)) {
            return false;
        }
        lastUsedAt = now;
        return true;
    }

    public String getKeyId() {
        return keyId;
    }

    public String getAccount() {
        return account;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public String getRevokeReason() {
        return revokeReason;
    }
}
