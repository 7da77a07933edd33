package org.custodian.domain.model.user;

import java.util.Optional;

public interface UserRepository {

    Optional<User> findByUsername(String username);

    void store(User user);

    long count();

    /** The throttle row for a submitted username, locked for this transaction. */
    Optional<LoginThrottle> lockThrottle(String username);

    void store(LoginThrottle throttle);

    /** The throttle row as committed, without a lock. */
    Optional<LoginThrottle> findThrottle(String username);

    /** The user's second factor, enrolled or pending confirmation. */
    Optional<SecondFactor> findSecondFactor(String username);

    void store(SecondFactor factor);

    /** Writes pending changes now (so a duplicate key surfaces inside the caller). */
    void flush();
}
