package org.custodian.application.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.access.AccessGrant;
import org.custodian.domain.model.access.AccessOverride;
import org.custodian.domain.model.access.RevealGrant;
import org.custodian.domain.model.access.TransferRule;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.Classification;
import org.custodian.domain.model.policy.FieldPolicy;
import org.custodian.domain.model.policy.Visibility;
import org.custodian.domain.model.user.Role;

/**
 * Everything one request's access decisions depend on, read from the database when the request starts: the
 * field policy, transfer rules, and the caller's grants and overrides in force at that instant. Decisions are
 * then pure functions of it, so a page of fifty tickets costs four queries, not two hundred, and nothing
 * outlives the request (a revoked grant stops working at the next one).
 */
public final class AccessContext {

    private final Caller caller;
    private final FieldPolicy policy;
    private final Instant now;
    private final List<TransferRule> transferRules;
    private final List<AccessGrant> grants;
    private final List<AccessOverride> overrides;
    private final Map<Permission, Set<Role>> grantedTo;
    /** Customer records whose processing is restricted (Art. 18): only privacy officers see them. */
    private final Set<Long> restrictedCustomers;
    /** The caller's reveal grants in force (#23): named fields of named records shown in full where REVEALABLE. */
    private final List<RevealGrant> reveals;

    AccessContext(Caller caller, FieldPolicy policy, Instant now, List<TransferRule> transferRules,
            List<AccessGrant> grants, List<AccessOverride> overrides, Map<Permission, Set<Role>> grantedTo) {
        this(caller, policy, now, transferRules, grants, overrides, grantedTo, Set.of());
    }

    AccessContext(Caller caller, FieldPolicy policy, Instant now, List<TransferRule> transferRules,
            List<AccessGrant> grants, List<AccessOverride> overrides, Map<Permission, Set<Role>> grantedTo,
            Set<Long> restrictedCustomers) {
        this(caller, policy, now, transferRules, grants, overrides, grantedTo, restrictedCustomers, List.of());
    }

    AccessContext(Caller caller, FieldPolicy policy, Instant now, List<TransferRule> transferRules,
            List<AccessGrant> grants, List<AccessOverride> overrides, Map<Permission, Set<Role>> grantedTo,
            Set<Long> restrictedCustomers, List<RevealGrant> reveals) {
        this.reveals = List.copyOf(reveals);
        this.restrictedCustomers = Set.copyOf(restrictedCustomers);
        this.caller = caller;
        this.policy = policy;
        this.now = now;
        this.transferRules = List.copyOf(transferRules);
        this.grants = List.copyOf(grants);
        this.overrides = List.copyOf(overrides);
        this.grantedTo = grantedTo;
    }

    public Caller caller() {
        return caller;
    }

    /** The customer records whose tickets a search must leave out for this caller (restricted ones). */
    public Set<Long> hiddenCustomers() {
        return caller.hasRole(Role.PRIVACY_OFFICER) ? Set.of() : restrictedCustomers;
    }

    public FieldPolicy policy() {
        return policy;
    }

    public Instant now() {
        return now;
    }

    /**
     * Either the decision or, when refused, why (in words for the caller; nothing about the record's data).
     *
     * @param concealed the caller must not learn that the record exists: answer as if it did not
     */
    public record Outcome(Decision decision, String refusal, boolean concealed) {
        public boolean allowed() {
            return decision != null;
        }
    }

    boolean rolesAllow(Permission permission) {
        return !rolesGranting(permission, false).isEmpty();
    }

    /** Whether the caller may do this only as a contractor (then a grant must cover each record). */
    boolean onlyAsContractor(Permission permission) {
        return rolesGranting(permission, false).isEmpty() && !rolesGranting(permission, true).isEmpty();
    }

    private Set<Role> rolesGranting(Permission permission, boolean contractor) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : caller.roles()) {
            if ((role == Role.CONTRACTOR) == contractor && grantedTo.get(permission).contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    public Outcome decide(Permission permission, ResourceScope scope) {
        return decide(permission, scope, null);
    }

    /** @param knownGrant for a search area built from one grant: the grant, already known to cover it */
    private Outcome decide(Permission permission, ResourceScope scope, AccessGrant knownGrant) {
        boolean asContractor = onlyAsContractor(permission);
        if (!asContractor && !rolesAllow(permission)) {
            return refused("your roles (" + caller.rolesText() + ") do not allow " + permission);
        }
        boolean reading = permission == Permission.TICKET_READ || permission == Permission.CUSTOMER_READ;
        if (Reserved.isReservedCategory(scope.category())) {
            if (!seesReserved(scope.region())) {
                // an alert ticket may be about this very caller: not even its existence is revealed
                return new Outcome(null, "not found", true);
            }
            if (!reading && !(caller.hasRole(Role.SUPERVISOR) && caller.regions().contains(scope.region()))) {
                return refused(Reserved.SECURITY_CATEGORY + " tickets are changed only by supervisors of their region");
            }
        }
        AccessOverride override = reading ? overrideFor(scope) : null;
        boolean inOwnRegion = caller.regions().contains(scope.region());
        TransferRule transfer = inOwnRegion ? null : transferInto(scope.region());

        Basis basis;
        Long basisId = null;
        if (asContractor) {
            AccessGrant grant = knownGrant != null ? knownGrant : grantCovering(scope);
            if (grant == null) {
                return refused(grants.isEmpty()
                        ? "you have no active access grant (contractors see nothing without one)"
                        // no region or category in the message: it would describe a record the caller may not see
                        : "none of your active access grants covers this " + scope.type().toLowerCase());
            }
            basis = Basis.GRANT;
            basisId = grant.getId();
        } else if (inOwnRegion) {
            basis = Basis.OWN_REGION;
        } else if (!reading) {
            return refused("this " + scope.type().toLowerCase() + " belongs to region " + scope.region()
                    + ", outside your regions " + caller.regions() + "; changes need a user of that region");
        } else if (transfer != null) {
            basis = Basis.TRANSFER_RULE;
            basisId = transfer.getId();
        } else {
            basis = Basis.NO_TRANSFER_RULE;
        }

        if (scope.customerId() != null && hiddenCustomers().contains(scope.customerId())) {
            // stored, not processed: neither shown nor changed by anyone but a privacy officer until lifted (asked
            // after what would conceal the record or refuse it anyway, so only those who could see it learn this)
            return refused("processing of this customer's data is restricted at the customer's request (GDPR"
                    + " Art. 18): only privacy officers may see it until the restriction is lifted");
        }
        boolean personalAllowed = inOwnRegion || transfer != null;
        Map<Classification, Visibility> visibilities = new EnumMap<>(Classification.class);
        for (Classification classification : Classification.values()) {
            Visibility visibility = policy.visibility(caller.roles(), classification);
            visibilities.put(classification,
                    classification.isPersonal() && !personalAllowed ? Visibility.HIDDEN : visibility);
        }
        if (override != null && !asContractor) {
            // break-glass only ever widens: CONFIDENTIAL in full; RESTRICTED (payment, special-category data)
            // at most masked, unless the caller sees more without the override
            Map<Classification, Visibility> widened = new EnumMap<>(visibilities);
            widened.put(Classification.CONFIDENTIAL, Visibility.FULL);
            widened.put(Classification.RESTRICTED, Visibility.widest(visibilities.get(Classification.RESTRICTED),
                    Visibility.narrowest(policy.visibility(caller.roles(), Classification.RESTRICTED),
                            Visibility.MASKED)));
            if (!widened.equals(visibilities)) {
                // the trail names the override only when it revealed more than the caller's normal access
                return new Outcome(new Decision(Basis.BREAK_GLASS, override.getId(), widened, policy,
                        scope.region(), revealedOn(scope)), null, false);
            }
        }
        return new Outcome(new Decision(basis, basisId, visibilities, policy, scope.region(), revealedOn(scope)),
                null, false);
    }

    /** The field keys the caller's grants in force reveal on this record (only REVEALABLE ones show in full). */
    private Set<String> revealedOn(ResourceScope scope) {
        Set<String> keys = new TreeSet<>();
        for (RevealGrant grant : reveals) {
            if (grant.isActiveAt(now)) {
                for (String key : grant.fieldKeys()) {
                    if (grant.reveals(key, scope.ticketId(), scope.customerId())) {
                        keys.add(key);
                    }
                }
            }
        }
        return keys;
    }

    /**
     * Who sees SECURITY (alert) tickets: privacy officers and auditors (by the usual rules of their roles) and
     * supervisors in their own regions. Everyone else, contractors included whatever their grants name, does not.
     */
    private boolean seesReserved(Region region) {
        return caller.hasRole(Role.PRIVACY_OFFICER) || caller.hasRole(Role.AUDITOR)
                || caller.hasRole(Role.SUPERVISOR) && caller.regions().contains(region);
    }

    /**
     * The parts of the ticket table a search may cover, each with what the caller sees there. Without a region
     * filter: the caller's own regions (a contractor: what their grants cover). With one: that region only.
     * Overrides do not widen searches: they open one ticket, read by id. SECURITY tickets are left out wherever
     * the caller may not see them (a contractor's grant naming the category does not count).
     */
    public List<SearchArea> searchAreas(Permission permission, Region requested) {
        List<SearchArea> areas = new ArrayList<>();
        if (onlyAsContractor(permission)) {
            for (AccessGrant grant : grants) {
                for (Region region : grant.getRegions()) {
                    Set<String> categories = new TreeSet<>(grant.getCategories());
                    if (!seesReserved(region)) {
                        categories.remove(Reserved.SECURITY_CATEGORY);
                    }
                    // an empty category set would mean "all": a grant left with none covers nothing here
                    if ((requested == null || requested == region) && !categories.isEmpty()) {
                        Outcome outcome = decide(permission, new ResourceScope("TICKET", null, region, null, null),
                                grant);
                        if (outcome.allowed()) {
                            areas.add(new SearchArea(EnumSet.of(region), categories, Set.of(), outcome.decision()));
                        }
                    }
                }
            }
            return areas;
        }
        if (!rolesAllow(permission)) {
            return areas;
        }
        Set<Region> regions = requested != null ? EnumSet.of(requested) : caller.regions();
        // regions whose decisions show the same things (and leave out the same categories) share one area (one
        // OR branch in the query)
        Map<List<Object>, SearchArea> byVisibility = new LinkedHashMap<>();
        for (Region region : regions) {
            Outcome outcome = decide(permission, new ResourceScope("TICKET", null, region, null, null));
            if (!outcome.allowed()) {
                continue;
            }
            Decision decision = outcome.decision();
            Set<String> excluded = seesReserved(region) ? Set.of() : Set.of(Reserved.SECURITY_CATEGORY);
            SearchArea area = byVisibility.computeIfAbsent(List.of(decision.visibilities(), excluded),
                    key -> new SearchArea(EnumSet.noneOf(Region.class), Set.of(), excluded, decision));
            area.regions().add(region);
        }
        areas.addAll(byVisibility.values());
        return areas;
    }

    /**
     * Regions (and for contractors, categories) searched under one decision; empty categories mean all but the
     * excluded ones.
     */
    public record SearchArea(Set<Region> regions, Set<String> categories, Set<String> excludedCategories,
            Decision decision) {
    }

    /** The caller's reveal grants read for this request (#23; empty for callers who may reveal nothing). */
    public List<RevealGrant> reveals() {
        return reveals;
    }

    public List<AccessGrant> grants() {
        return grants;
    }

    private AccessOverride overrideFor(ResourceScope scope) {
        if (scope.ticketId() == null) {
            return null;
        }
        for (AccessOverride override : overrides) {
            if (override.getTicketId() == scope.ticketId() && override.isActiveAt(now)) {
                return override;
            }
        }
        return null;
    }

    private TransferRule transferInto(Region from) {
        for (TransferRule rule : transferRules) {
            if (rule.isActive() && rule.getFromRegion() == from && caller.regions().contains(rule.getToRegion())) {
                return rule;
            }
        }
        return null;
    }

    private AccessGrant grantCovering(ResourceScope scope) {
        for (AccessGrant grant : grants) {
            // grants are by category: a record without one (a customer) is never covered
            if (scope.category() != null && grant.covers(scope.region(), scope.category(), now)) {
                return grant;
            }
        }
        return null;
    }

    private static Outcome refused(String why) {
        return new Outcome(null, why, false);
    }
}
