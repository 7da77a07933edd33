package org.custodian.application.auth;

import java.util.Optional;
import org.custodian.application.shared.Caller;

/**
 * Revoking tokens before they expire. Every user has a token version, and every token the version it was issued
 * under (claim {@code tv}); raising the version makes all earlier tokens fail at their next request. A disabled
 * user's tokens fail the same way. A username the user store does not hold is left to the signature.
 */
public interface TokenRevocationService {

    /**
     * Whether a token of this caller, issued under this version, still counts. Reads in the same statement what the
     * caller's first access context needs, and keeps it for that context (#27).
     */
    boolean isCurrent(Caller caller, int tokenVersion);

    /**
     * The user's token version while they may sign in; empty when disabled or unknown here. Cheap (one indexed
     * read), so a portal session asks it on every request and notices a disabled account at once.
     */
    Optional<Integer> activeVersion(String username);

    /** The caller's own tokens, all of them, including the one of this request. */
    void signOutEverywhere(Caller caller);

    /**
     * Another user's tokens, because something changed that they were issued under (a second factor reset; roles,
     * regions or the account disabled). Recorded in the audit trail with the reason; the caller's permission to make
     * that change has been checked by whoever calls this.
     */
    void revokeFor(Caller caller, String username, String why);
}
