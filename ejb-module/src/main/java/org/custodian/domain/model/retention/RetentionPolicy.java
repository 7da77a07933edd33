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
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.VersionedRule;
import org.custodian.domain.model.ticket.TicketSelection;
import org.custodian.domain.shared.RuleCheck;

/**
 * How long tickets of some categories and regions (none listed: all) are kept, counted from closure or last
 * activity, and whether they are then anonymized or deleted. Versioned: every change bumps the version.
 */
@Entity
@Table(name = "retention_policy")
@NamedQuery(name = "RetentionPolicy.findAll", query = "SELECT p FROM RetentionPolicy p ORDER BY p.id")
@NamedQuery(name = "RetentionPolicy.findActive",
        query = "SELECT p FROM RetentionPolicy p WHERE p.active = TRUE ORDER BY p.id")
public class RetentionPolicy extends VersionedRule {

    /** Parsed once per loaded policy: a purge asks {@link #covers} for every ticket. */
    @Transient
    private TicketSelection parsedSelection;

    public static final int MAX_DAYS = 36_500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "retention_policy_seq")
    @SequenceGenerator(name = "retention_policy_seq", sequenceName = "retention_policy_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    /** Comma-separated, sorted; empty means every category. */
    @Column(nullable = false, length = 1000)
    private String categories;

    /** Comma-separated, sorted; empty means every region. */
    @Column(nullable = false, length = 100)
    private String regions;

    @Enumerated(EnumType.STRING)
    @Column(name = "retention_clock", nullable = false, length = 24)
    private RetentionClock clock;

    @Column(nullable = false)
    private int days;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RetentionAction action;

    @Column(nullable = false)
    private boolean active;

    protected RetentionPolicy() {
        // for JPA
    }

    public RetentionPolicy(String name, Set<String> categories, Set<Region> regions, RetentionClock clock,
            Integer days, RetentionAction action, String reason, String actor, Instant now) {
        this(name, categories, regions, clock, days, action, true, reason, actor, now);
    }

    /** A policy that may start inactive (written down now, switched on later). */
    public RetentionPolicy(String name, Set<String> categories, Set<Region> regions, RetentionClock clock,
            Integer days, RetentionAction action, boolean active, String reason, String actor, Instant now) {
        apply(name, categories, regions, clock, days, action, active, reason, actor, now);
    }

    /** Replaces the rule as a whole (a new version). */
    public void revise(String name, Set<String> categories, Set<Region> regions, RetentionClock clock, Integer days,
            RetentionAction action, boolean active, String reason, String actor, Instant now) {
        apply(name, categories, regions, clock, days, action, active, reason, actor, now);
    }

    private void apply(String name, Set<String> categories, Set<Region> regions, RetentionClock clock,
            Integer days, RetentionAction action, boolean active, String reason, String actor, Instant now) {
        RuleCheck check = new RuleCheck()
                .requireText(name, "name", 100)
                .require(clock != null, "clock", "is required: AFTER_CLOSURE or AFTER_LAST_ACTIVITY")
                .require(days != null && days >= 1 && days <= MAX_DAYS, "days", "must be between 1 and " + MAX_DAYS)
                .require(action != null, "action", "is required: ANONYMIZE or DELETE")
                .require(TicketSelection.withinCategoryLimit(categories), "categories", "name at most 20 categories")
                .requireText(reason, "reason", 10, 1000);
        TicketSelection.checkCategories(check, categories, ": upper-case words such as BILLING");
        check.throwIfAny();
        this.name = name.trim();
        this.categories = TicketSelection.categoriesColumn(categories);
        this.regions = TicketSelection.regionsColumn(regions);
        this.parsedSelection = null;
        this.clock = clock;
        this.days = days;
        this.action = action;
        this.active = active;
        nextVersion(reason, actor, now);
    }

    public boolean covers(RetentionSubject ticket) {
        if (parsedSelection == null) {
            parsedSelection = TicketSelection.of(categories, regions);
        }
        return parsedSelection.picks(ticket.category(), ticket.region());
    }

    /** When the ticket's period ends under this policy, or null if it never does (e.g. still open). */
    public Instant expiryOf(RetentionSubject ticket) {
        Instant from = switch (clock) {
            case AFTER_CLOSURE -> ticket.status().isResolved() ? ticket.resolvedAt() : null;
            case AFTER_LAST_ACTIVITY -> ticket.updatedAt();
        };
        return from == null ? null : from.plus(Duration.ofDays(days));
    }

    /** More specific policies win: category and region, then category, then region, then neither. */
    public int specificity() {
        return (categories.isEmpty() ? 0 : 2) + (regions.isEmpty() ? 0 : 1);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<String> getCategories() {
        return TicketSelection.categories(categories);
    }

    public Set<Region> getRegions() {
        return TicketSelection.regions(regions);
    }

    public RetentionClock getClock() {
        return clock;
    }

    public int getDays() {
        return days;
    }

    public RetentionAction getAction() {
        return action;
    }

    public boolean isActive() {
        return active;
    }
}
