package org.custodian.application.auth;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.custodian.domain.model.user.LoginThrottle;
import org.custodian.domain.model.user.UserRepository;

/**
 * Creates the throttle row of a username in a transaction of its own, so that the sign-in that
 * follows can always lock an existing row. When two first attempts race, one insert loses on the
 * primary key and rolls back alone; the row exists either way.
 */
@Stateless
public class LoginThrottleRows {

    @Inject
    private UserRepository users;

    @Resource
    private SessionContext context;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(String username, Instant now) {
        users.store(new LoginThrottle(username, now));
        users.flush();
    }

    /** Makes sure the row exists; never fails because another request created it first. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void ensureRow(String username, Instant now) {
        if (users.findThrottle(username).isPresent()) {
            return;
        }
        try {
            self().create(username, now);
        } catch (RuntimeException lostTheRace) {
            if (users.findThrottle(username).isEmpty()) {
                throw lostTheRace;
            }
        }
    }

    private LoginThrottleRows self() {
        return context.getBusinessObject(LoginThrottleRows.class);
    }
}
