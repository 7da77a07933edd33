package org.custodian.domain.model.policy;

import java.time.Instant;
import java.util.Optional;
import org.custodian.domain.model.user.UserRepository.TokenState;

/**
 * The version of what access contexts are built from: the classification catalog, the visibility matrix, the transfer
 * rules and the active processing restrictions. The database changes it in the transaction of every change to them
 * (triggers), so two reads that return the same value saw the same data, on any node.
 */
public interface PolicyContextVersions {

    /** The version committed now (or written by the caller's own transaction). */
    String current();

    /**
     * The version, with what a bearer token's request checks about its user before anything else: the token state
     * (empty: no such user here) and whether the user holds a reveal grant in force at {@code now}. One statement
     * instead of three, on the path of every API request (#27).
     */
    CallerFacts currentFor(String username, Instant now);

    /** What {@link #currentFor} read, in one snapshot. */
    record CallerFacts(String version, Optional<TokenState> token, boolean revealGrants) {
    }
}
