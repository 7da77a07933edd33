package org.custodian.domain.model.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.custodian.domain.model.customer.Region;

/**
 * An integration's identity. It holds no password and no second factor, and lives apart from the users, so no
 * sign-in path can ever find it; it acts only through its keys ({@link ServiceAccountKey}), within its scopes and
 * regions, until it is disabled or expires.
 */
@Entity
@Table(name = "service_account")
@NamedQuery(name = "ServiceAccount.findAll", query = "SELECT a FROM ServiceAccount a ORDER BY a.name")
public class ServiceAccount {

    /** Lower-case letters, digits, dot, dash and underscore; starts with a letter or digit. */
    public static final String NAME_PATTERN = "^[a-z0-9][a-z0-9._-]{1,63}$";
    /** Prefix of the caller name of a service account, which no person's username has (see docs/security.md). */
    public static final String CALLER_PREFIX = "svc:";

    @Id
    @Column(length = 64)
    private String name;

    @Column(length = 1000)
    private String description;

    @Column(nullable = false, length = 500)
    private String scopes;

    @Column(nullable = false, length = 100)
    private String regions;

    @Column(name = "rate_limit")
    private Integer rateLimit;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 256)
    private String createdBy;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "disabled_by", length = 256)
    private String disabledBy;

    @Column(name = "disable_reason", length = 1000)
    private String disableReason;

    protected ServiceAccount() {
        // for JPA
    }

    /** Inputs are checked by the service (scopes against the catalogue, regions, limits). */
    public ServiceAccount(String name, String description, Collection<String> scopes, Set<Region> regions,
            Integer rateLimit, Instant expiresAt, String createdBy, Instant now) {
        this.name = name;
        this.description = description;
        this.scopes = String.join(",", new TreeSet<>(scopes));
        this.regions = regions.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.rateLimit = rateLimit;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** The caller name its key {@code keyId} acts under: the account and the credential, as the trail records them. */
    public static String callerName(String account, String keyId) {
        return CALLER_PREFIX + account + "/" + keyId;
    }

    public void disable(String actor, String reason, Instant now) {
        if (disabledAt == null) {
            disabledAt = now;
            disabledBy = actor;
            disableReason = reason;
        }
    }

    public boolean isActiveAt(Instant now) {
        return disabledAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public String state(Instant now) {
        if (disabledAt != null) {
            return "DISABLED";
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? "EXPIRED" : "ACTIVE";
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Set<String> getScopes() {
        return scopes.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(scopes.split(",")));
    }

    public Set<Region> getRegions() {
        Set<Region> parsed = EnumSet.noneOf(Region.class);
        for (String code : regions.split(",")) {
            Region.parse(code).ifPresent(parsed::add);
        }
        return parsed;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getDisabledAt() {
        return disabledAt;
    }

    public String getDisabledBy() {
        return disabledBy;
    }

    public String getDisableReason() {
        return disableReason;
    }
}
