package org.custodian.domain.model.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.ticket.TicketSelection;
import org.custodian.domain.model.policy.FieldMasks;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;

/**
 * Time-limited access for a contractor to the tickets of some categories in some regions. Checked at every
 * request: once expired or revoked it grants nothing, whatever the contractor's token says.
 */
@Entity
@Table(name = "access_grant")
@NamedQuery(name = "AccessGrant.findAll", query = "SELECT g FROM AccessGrant g ORDER BY g.id DESC")
@NamedQuery(name = "AccessGrant.findByGrantee",
        query = "SELECT g FROM AccessGrant g WHERE g.grantee = :grantee ORDER BY g.id DESC")
@NamedQuery(name = "AccessGrant.findActive", query = "SELECT g FROM AccessGrant g WHERE g.grantee = :grantee"
        + " AND g.revokedAt IS NULL AND g.startsAt <= :now AND g.expiresAt > :now ORDER BY g.id")
public class AccessGrant {

    public static final Duration MAX_LENGTH = Duration.ofDays(90);
    /** How far ahead a grant may be prepared. */
    public static final Duration MAX_LEAD = Duration.ofDays(365);
    public static final int MAX_CATEGORIES = TicketSelection.MAX_CATEGORIES;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_grant_seq")
    @SequenceGenerator(name = "access_grant_seq", sequenceName = "access_grant_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 64)
    private String grantee;

    /** Comma-separated category names, sorted. */
    @Column(nullable = false, length = 1000)
    private String categories;

    /** Comma-separated region codes, sorted. */
    @Column(nullable = false, length = 100)
    private String regions;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "granted_by", nullable = false, length = 64)
    private String grantedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoke_reason", length = 1000)
    private String revokeReason;

    protected AccessGrant() {
        // for JPA
    }

    /**
     * @param startsAt null for "now"; may lie in the future, not in the past (a grant cannot be back-dated)
     */
    public AccessGrant(String grantee, Set<String> categories, Set<Region> regions, Instant startsAt,
            Instant expiresAt, String reason, String grantedBy, Instant now) {
        Instant start = startsAt == null ? now : startsAt;
        RuleCheck check = new RuleCheck()
                .require(categories != null && !categories.isEmpty(), "categories",
                        "name at least one ticket category, e.g. [\"NETWORK\"]")
                .require(regions != null && !regions.isEmpty(), "regions",
                        "name at least one region; one of " + Region.allowedValues())
                .require(expiresAt != null, "expiresAt", "is required: an ISO-8601 UTC time at most 90 days after the start")
                .require(!start.isBefore(now.minusSeconds(60)), "startsAt", "must not be in the past")
                .requireText(reason, "reason", 10, 1000);
        check.require(!start.isAfter(now.plus(MAX_LEAD)), "startsAt",
                "must be within " + MAX_LEAD.toDays() + " days from now");
        check.require(TicketSelection.withinCategoryLimit(categories), "categories",
                "name at most " + MAX_CATEGORIES + " categories");
        TicketSelection.checkCategories(check, categories, ": upper-case words such as NETWORK or BACKUP");
        if (expiresAt != null && !start.isAfter(now.plus(MAX_LEAD))) {
            check.require(expiresAt.isAfter(start), "expiresAt", "must be after the start (" + start + ")")
                    .require(!expiresAt.isAfter(start.plus(MAX_LENGTH)), "expiresAt",
                            "must be at most 90 days after the start (" + start.plus(MAX_LENGTH) + ")");
        }
        check.throwIfAny();
        this.grantee = grantee;
        this.categories = TicketSelection.categoriesColumn(categories);
        this.regions = TicketSelection.regionsColumn(regions);
        this.startsAt = start;
        this.expiresAt = expiresAt;
        // reasons are read by contractors, auditors and operators: detected personal data and secrets are masked
        this.reason = FieldMasks.maskDetected(reason.trim());
        this.grantedBy = grantedBy;
        this.createdAt = now;
    }

    public void revoke(String actor, String why, Instant now) {
        if (revokedAt != null) {
            throw new DomainRuleViolationException("id", "grant " + id + " was already revoked at " + revokedAt);
        }
        revokedBy = actor;
        revokedAt = now;
        revokeReason = why == null ? null : FieldMasks.maskDetected(why);
    }

    public boolean isActiveAt(Instant now) {
        return revokedAt == null && !startsAt.isAfter(now) && expiresAt.isAfter(now);
    }

    /** Whether the grant covers a ticket of {@code category} in {@code region} at {@code now}. */
    public boolean covers(Region region, String category, Instant now) {
        return category != null && isActiveAt(now) && getRegions().contains(region) && getCategories().contains(category);
    }

    public String state(Instant now) {
        if (revokedAt != null) {
            return "REVOKED";
        }
        if (startsAt.isAfter(now)) {
            return "PENDING";
        }
        return expiresAt.isAfter(now) ? "ACTIVE" : "EXPIRED";
    }

    public Long getId() {
        return id;
    }

    public String getGrantee() {
        return grantee;
    }

    public Set<String> getCategories() {
        return TicketSelection.categories(categories);
    }

    public Set<Region> getRegions() {
        return TicketSelection.regions(regions);
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getReason() {
        return reason;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokeReason() {
        return revokeReason;
    }
}
