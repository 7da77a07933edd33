package org.custodian.application.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.custodian.domain.model.access.AccessRepository;
import org.custodian.domain.model.access.TransferRule;
import org.custodian.domain.model.policy.FieldPolicy;
import org.custodian.domain.model.policy.PolicyContextVersions;
import org.custodian.domain.model.policy.PolicyRepository;
import org.custodian.domain.model.privacy.RestrictionRepository;

/**
 * The part of every access context that is the same for all callers (the field policy, the active transfer rules,
 * the restricted customers), kept in memory as long as the database's version of it (V113, changed by triggers in
 * every writing transaction) is the one it was read at. Every request reads that version: one indexed row instead
 * of four queries, and a change made on any node applies to the very next request on every node (#27).
 *
 * <p>The version is read before the data: data loaded after a change committed may be newer than its version, never
 * older, so a request that sees the version it needs never gets what preceded it. The per-caller parts (grants,
 * overrides, reveals) depend on the time and are read per request as before.
 */
@ApplicationScoped
public class PolicyContextCache {

    /** What all callers share, read at {@code version}. Immutable; shared between threads. */
    record Shared(String version, FieldPolicy policy, List<TransferRule> transferRules, Set<Long> restrictedCustomers) {
    }

    @Inject
    PolicyContextVersions versions;

    @Inject
    PolicyRepository policies;

    @Inject
    AccessRepository access;

    @Inject
    RestrictionRepository restrictions;

    private volatile Shared shared;

    /** The shared part as of the version committed now; reads the data again (in the caller's transaction) if it moved. */
    Shared current() {
        return at(versions.current());
    }

    /** The shared part as of this version, read a moment ago (before any of the data it stands for). */
    Shared at(String version) {
        Shared known = shared;
        if (known != null && known.version().equals(version)) {
            return known;
        }
        Shared loaded = new Shared(version, policies.snapshot(),
                access.transferRules(true).stream().map(TransferRule::detachedCopy).toList(),
                Set.copyOf(restrictions.restrictedCustomers()));
        shared = loaded;
        return loaded;
    }
}
