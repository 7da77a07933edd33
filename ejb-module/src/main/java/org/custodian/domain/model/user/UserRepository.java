package org.custodian.domain.model.user;

import java.util.Optional;

public interface UserRepository {

    Optional<User> findByUsername(String username);

    void store(User user);

    long count();

    /** The throttle row for a submitted username, locked for this transaction. */
    Optional<LoginThrottle> lockThrottle(String username);

    void store(LoginThrottle throttle);

    void clearThrottle(String username);
}
