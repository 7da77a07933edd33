package org.custodian.domain.model.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface UserRepository {

    Optional<User> findByUsername(String username);

    /** Enabled users holding at least one of these roles, by username (candidates for assignment, #22). */
    List<User> findEnabledWithAnyRole(Set<Role> roles);

    /** The user linked to this identity at an identity provider (issuer and subject), if any. */
    Optional<User> findByIdentity(String issuer, String subject);

    void store(User user);

    long count();

    /** The throttle row for a submitted username, locked for this transaction. */
    Optional<LoginThrottle> lockThrottle(String username);

    void store(LoginThrottle throttle);

    /** The throttle row as committed, without a lock. */
    Optional<LoginThrottle> findThrottle(String username);

    /** The throttle row of a source address, created if missing and locked for this transaction. */
    SourceThrottle lockSourceThrottle(String source, Instant now);

    /** The throttle row of a source address as committed, without a lock. */
    Optional<SourceThrottle> findSourceThrottle(String source);

    /** Whether the user completed a sign-in from this source at or after {@code since}. */
    boolean isKnownSource(String username, String source, Instant since);

    /** Remembers that the user completed a sign-in from this source now. */
    void rememberSource(String username, String source, Instant now);

    /** The user's second factor, enrolled or pending confirmation. */
    Optional<SecondFactor> findSecondFactor(String username);

    /** The user's second factor, locked for this transaction (its codes are used once). */
    Optional<SecondFactor> lockSecondFactor(String username);

    void store(SecondFactor factor);

    /** Removes a second factor with its recovery codes. */
    void remove(SecondFactor factor);

    /** The user's token version and whether they may sign in; empty for a username nobody has here. */
    Optional<TokenState> findTokenState(String username);

    record TokenState(int version, boolean enabled) {
    }

    /** Raises the user's token version, revoking every token issued before; false if there is no such user. */
    boolean raiseTokenVersion(String username);

    /** Writes pending changes now (so a duplicate key surfaces inside the caller). */
    void flush();
}
