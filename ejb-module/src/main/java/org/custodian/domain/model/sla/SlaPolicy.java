package org.custodian.domain.model.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.VersionedRule;
import org.custodian.domain.model.ticket.TicketPriority;
import org.custodian.domain.model.ticket.TicketSelection;
import org.custodian.domain.shared.RuleCheck;

/**
 * Response and resolution targets (minutes of business time on a calendar) for the tickets of some priorities,
 * categories and regions (none listed: all). The active policy with the lowest {@code position} that matches a
 * ticket applies (ties: the older policy). Versioned like a retention policy: every change bumps the version.
 * There is no customer tier in Custodian yet, so a policy cannot select by one.
 */
@Entity
@Table(name = "sla_policy")
@NamedQuery(name = "SlaPolicy.findAll", query = "SELECT p FROM SlaPolicy p ORDER BY p.position, p.id")
@NamedQuery(name = "SlaPolicy.findActive",
        query = "SELECT p FROM SlaPolicy p WHERE p.active = TRUE ORDER BY p.position, p.id")
public class SlaPolicy extends VersionedRule {

    /** A year of minutes: longer targets are mistakes. */
    public static final int MAX_MINUTES = 525_600;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_policy_seq")
    @SequenceGenerator(name = "sla_policy_seq", sequenceName = "sla_policy_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    /** The explicit order: the first matching active policy (lowest position) applies. */
    @Column(nullable = false)
    private int position;

    /** Comma-separated, sorted; empty means every priority. */
    @Column(nullable = false, length = 100)
    private String priorities;

    @Column(nullable = false, length = 1000)
    private String categories;

    @Column(nullable = false, length = 100)
    private String regions;

    @Column(name = "calendar_id", nullable = false)
    private long calendarId;

    @Column(name = "first_response_minutes", nullable = false)
    private int firstResponseMinutes;

    /** Null: no target for answering the customer's later messages. */
    @Column(name = "next_response_minutes")
    private Integer nextResponseMinutes;

    @Column(name = "resolution_minutes", nullable = false)
    private int resolutionMinutes;

    @Column(nullable = false)
    private boolean active;

    /** At breach the ticket is routed to this team (its key); null: no reassignment, only the notifications. */
    @Column(name = "escalate_to_team", length = 40)
    private String escalateToTeam;

    protected SlaPolicy() {
        // for JPA
    }

    /** What a policy says; checked as a whole. */
    public record Rule(String name, Integer position, Set<TicketPriority> priorities, Set<String> categories,
            Set<Region> regions, Long calendarId, Integer firstResponseMinutes, Integer nextResponseMinutes,
            Integer resolutionMinutes, boolean active, String reason, String escalateToTeam) {
    }

    public SlaPolicy(Rule rule, String actor, Instant now, RuleCheck check) {
        revise(rule, actor, now, check);
    }

    /** Replaces the rule as a whole (a new version). */
    public void revise(Rule rule, String actor, Instant now, RuleCheck check) {
        check.requireText(rule.name(), "name", 100).requireText(rule.reason(), "reason", 10, 1000)
                .require(rule.position() != null && rule.position() >= 0 && rule.position() <= 100_000, "position",
                        "is required: 0 to 100000, lower applies first")
                .require(rule.calendarId() != null, "calendarId", "is required: the id of a business calendar")
                .require(minutes(rule.firstResponseMinutes()), "firstResponseMinutes",
                        "must be between 1 and " + MAX_MINUTES)
                .require(rule.nextResponseMinutes() == null || minutes(rule.nextResponseMinutes()),
                        "nextResponseMinutes", "must be between 1 and " + MAX_MINUTES + " or absent")
                .require(minutes(rule.resolutionMinutes()), "resolutionMinutes", "must be between 1 and "
                        + MAX_MINUTES)
                .require(TicketSelection.withinCategoryLimit(rule.categories()), "categories",
                        "name at most 20 categories");
        TicketSelection.checkCategories(check, rule.categories(), ": upper-case words such as BILLING");
        check.throwIfAny();
        this.name = rule.name().trim();
        this.position = rule.position();
        this.priorities = rule.priorities() == null ? "" : new TreeSet<>(rule.priorities().stream().map(Enum::name)
                .toList()).stream().collect(Collectors.joining(","));
        this.categories = TicketSelection.categoriesColumn(rule.categories());
        this.regions = TicketSelection.regionsColumn(rule.regions());
        this.calendarId = rule.calendarId();
        this.firstResponseMinutes = rule.firstResponseMinutes();
        this.nextResponseMinutes = rule.nextResponseMinutes();
        this.resolutionMinutes = rule.resolutionMinutes();
        this.active = rule.active();
        this.escalateToTeam = rule.escalateToTeam() == null || rule.escalateToTeam().isBlank() ? null
                : rule.escalateToTeam().trim();
        nextVersion(rule.reason(), actor, now);
    }

    private static boolean minutes(Integer value) {
        return value != null && value >= 1 && value <= MAX_MINUTES;
    }

    /** Whether this policy covers a ticket of this priority, category and region. */
    public boolean matches(TicketPriority priority, String category, Region region) {
        return (priorities.isEmpty() || getPriorities().contains(priority))
                && TicketSelection.of(categories, regions).picks(category, region);
    }

    public Set<TicketPriority> getPriorities() {
        Set<TicketPriority> set = EnumSet.noneOf(TicketPriority.class);
        if (!priorities.isEmpty()) {
            Arrays.stream(priorities.split(",")).map(TicketPriority::valueOf).forEach(set::add);
        }
        return set;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }

    public Set<String> getCategories() {
        return TicketSelection.categories(categories);
    }

    public Set<Region> getRegions() {
        return TicketSelection.regions(regions);
    }

    public long getCalendarId() {
        return calendarId;
    }

    public int getFirstResponseMinutes() {
        return firstResponseMinutes;
    }

    public Integer getNextResponseMinutes() {
        return nextResponseMinutes;
    }

    public int getResolutionMinutes() {
        return resolutionMinutes;
    }

    public boolean isActive() {
        return active;
    }

    public String getEscalateToTeam() {
        return escalateToTeam;
    }
}
