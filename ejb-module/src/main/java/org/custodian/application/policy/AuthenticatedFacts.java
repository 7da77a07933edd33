package org.custodian.application.policy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.policy.PolicyContextVersions.CallerFacts;

/**
 * Hands what a request's authentication read ({@link CallerFacts}: the policy context version and whether the user
 * holds a reveal grant) to the first access context built for that very caller in the same thread, so that the
 * request does not read them a second time (#27).
 *
 * <p>Bound to the {@link Caller} instance the authentication made, never to an equal one: a later request, even of
 * the same user on the same pooled thread, has a new instance and reads afresh. Taken once: a second access context
 * in the same request (after a write, say) reads afresh too. Anything not taken is replaced by the next keep.
 */
@ApplicationScoped
public class AuthenticatedFacts {

    private record Kept(Caller caller, CallerFacts facts) {
    }

    private static final ThreadLocal<Kept> KEPT = new ThreadLocal<>();

    /** The facts the authentication of {@code caller} read, for its first access context. */
    public void keep(Caller caller, CallerFacts facts) {
        KEPT.set(new Kept(caller, facts));
    }

    /** The facts kept for exactly this caller instance, once; empty otherwise (then read them). */
    Optional<CallerFacts> take(Caller caller) {
        Kept kept = KEPT.get();
        if (kept == null) {
            return Optional.empty();
        }
        KEPT.remove();
        return kept.caller() == caller ? Optional.of(kept.facts()) : Optional.empty();
    }
}
