package org.custodian.domain.model.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.FieldMasks;
import org.custodian.domain.model.ticket.TicketSelection;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;

/**
 * Keeps what it covers from being anonymized, deleted, erased or expired while an investigation or a lawsuit
 * needs it: one customer (all their tickets), one ticket, or a saved query (categories, regions, creation
 * period). Released only with a reason; never deleted.
 */
@Entity
@Table(name = "legal_hold")
@NamedQuery(name = "LegalHold.findAll", query = "SELECT h FROM LegalHold h ORDER BY h.id DESC")
@NamedQuery(name = "LegalHold.findActive", query = "SELECT h FROM LegalHold h WHERE h.releasedAt IS NULL ORDER BY h.id")
public class LegalHold {

    /** Parsed once per loaded hold: a purge asks {@link #covers} for every ticket. */
    @Transient
    private TicketSelection parsedQuery;

    public enum Scope { CUSTOMER, TICKET, QUERY }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "legal_hold_seq")
    @SequenceGenerator(name = "legal_hold_seq", sequenceName = "legal_hold_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Scope scope;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "query_categories", length = 1000)
    private String queryCategories;

    @Column(name = "query_regions", length = 100)
    private String queryRegions;

    @Column(name = "query_created_from")
    private Instant queryCreatedFrom;

    @Column(name = "query_created_to")
    private Instant queryCreatedTo;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(nullable = false, length = 200)
    private String authority;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "released_by", length = 64)
    private String releasedBy;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Column(name = "release_reason", length = 1000)
    private String releaseReason;

    protected LegalHold() {
        // for JPA
    }

    public static LegalHold onCustomer(long customerId, String reason, String authority, String actor, Instant now) {
        LegalHold hold = new LegalHold(Scope.CUSTOMER, reason, authority, actor, now);
        hold.customerId = customerId;
        return hold;
    }

    public static LegalHold onTicket(long ticketId, String reason, String authority, String actor, Instant now) {
        LegalHold hold = new LegalHold(Scope.TICKET, reason, authority, actor, now);
        hold.ticketId = ticketId;
        return hold;
    }

    public static LegalHold onQuery(Set<String> categories, Set<Region> regions, Instant createdFrom,
            Instant createdTo, String reason, String authority, String actor, Instant now) {
        RuleCheck check = new RuleCheck()
                .require(!(categories == null || categories.isEmpty()) || !(regions == null || regions.isEmpty())
                        || createdFrom != null || createdTo != null, "query",
                        "name at least one of categories, regions, createdFrom, createdTo (a hold on everything"
                                + " is not a legal hold)")
                .require(TicketSelection.withinCategoryLimit(categories), "categories", "name at most 20 categories")
                .require(createdFrom == null || createdTo == null || createdFrom.isBefore(createdTo), "createdTo",
                        "must be after createdFrom");
        TicketSelection.checkCategories(check, categories, "");
        check.throwIfAny();
        LegalHold hold = new LegalHold(Scope.QUERY, reason, authority, actor, now);
        hold.queryCategories = TicketSelection.categoriesColumn(categories);
        hold.queryRegions = TicketSelection.regionsColumn(regions);
        hold.queryCreatedFrom = createdFrom;
        hold.queryCreatedTo = createdTo;
        return hold;
    }

    private LegalHold(Scope scope, String reason, String authority, String actor, Instant now) {
        new RuleCheck().requireText(reason, "reason", 10, 1000).requireText(authority, "authority", 200)
                .throwIfAny();
        this.scope = scope;
        this.reason = FieldMasks.maskDetected(reason.trim());
        this.authority = authority.trim();
        this.createdBy = actor;
        this.createdAt = now;
    }

    public void release(String actor, String why, Instant now) {
        if (releasedAt != null) {
            throw new DomainRuleViolationException("id", "legal hold " + id + " was already released at "
                    + releasedAt);
        }
        new RuleCheck().requireText(why, "reason", 10, 1000).throwIfAny();
        releasedBy = actor;
        releasedAt = now;
        releaseReason = FieldMasks.maskDetected(why.trim());
    }

    public boolean isActive() {
        return releasedAt == null;
    }

    /** Whether this hold, while active, covers the ticket (directly, through its customer, or by query). */
    public boolean covers(RetentionSubject ticket) {
        if (!isActive()) {
            return false;
        }
        return switch (scope) {
            case TICKET -> ticketId != null && ticketId == ticket.ticketId();
            case CUSTOMER -> customerId != null && customerId == ticket.customerId();
            case QUERY -> query().picks(ticket.category(), ticket.region())
                    && (queryCreatedFrom == null || !ticket.createdAt().isBefore(queryCreatedFrom))
                    && (queryCreatedTo == null || ticket.createdAt().isBefore(queryCreatedTo));
        };
    }

    private TicketSelection query() {
        if (parsedQuery == null) {
            parsedQuery = TicketSelection.of(queryCategories, queryRegions);
        }
        return parsedQuery;
    }

    public Long getId() {
        return id;
    }

    public Scope getScope() {
        return scope;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public Set<String> getQueryCategories() {
        return TicketSelection.categories(queryCategories);
    }

    public Set<Region> getQueryRegions() {
        return TicketSelection.regions(queryRegions);
    }

    public Instant getQueryCreatedFrom() {
        return queryCreatedFrom;
    }

    public Instant getQueryCreatedTo() {
        return queryCreatedTo;
    }

    public String getReason() {
        return reason;
    }

    public String getAuthority() {
        return authority;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getReleasedBy() {
        return releasedBy;
    }

    public Instant getReleasedAt() {
        return releasedAt;
    }

    public String getReleaseReason() {
        return releaseReason;
    }
}
