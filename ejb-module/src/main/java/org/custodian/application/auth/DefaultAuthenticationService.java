package org.custodian.application.auth;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.user.LoginThrottle;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
public class DefaultAuthenticationService implements AuthenticationService {

    static final int MAX_USERNAME = 64;

    /** Checked when the username is unknown, so both failures cost the same time. */
    private static final String DECOY_HASH = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS)
            .hash("decoy-password-never-matches".toCharArray());

    @EJB
    private AuditService audit;

    @Inject
    private UserRepository users;

    @Inject
    private TokenIssuer tokens;

    @EJB
    private LoginThrottleRows throttles;

    @Inject
    @ConfigProperty(name = "custodian.login.free-attempts", defaultValue = "5")
    int freeAttempts;

    @Inject
    @ConfigProperty(name = "custodian.login.window", defaultValue = "PT15M")
    Duration window;

    @Inject
    @ConfigProperty(name = "custodian.login.block", defaultValue = "PT30S")
    Duration baseBlock;

    @Inject
    @ConfigProperty(name = "custodian.login.max-block", defaultValue = "PT15M")
    Duration maxBlock;

    private final Clock clock = Clock.systemUTC();

    @Override
    public AccessToken signIn(String username, char[] password, String requestId, String clientAddress) {
        String name = username.trim().toLowerCase(Locale.ROOT);
        if (name.length() > MAX_USERNAME) {
            // lower-casing can lengthen text (U+0130 becomes two chars): no such user can exist
            audit.record(Caller.anonymous(name.substring(0, MAX_USERNAME), requestId, clientAddress),
                    AuditActions.LOGIN, AuditActions.USER, null, null, AuditOutcome.FAILURE);
            throw new AuthenticationFailedException();
        }
        Caller claimant = Caller.anonymous(name, requestId, clientAddress);

        // every attempt for a username queues on its throttle row, so parallel guesses are all counted
        throttles.ensureRow(name, clock.instant());
        LoginThrottle throttle = users.lockThrottle(name).orElseThrow();
        Instant now = clock.instant();   // taken after the lock: the wait for it must not shorten a block
        if (throttle.isBlocked(now)) {
            audit.record(claimant, AuditActions.LOGIN, AuditActions.USER, name, null, AuditOutcome.DENIED);
            long waitMillis = throttle.remainingBlock(now).toMillis();
            throw new TooManyAttemptsException(Math.max(1, (waitMillis + 999) / 1000));
        }
        User user = users.findByUsername(name).filter(User::isEnabled).orElse(null);
        boolean matches = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS)
                .verify(password, user == null ? DECOY_HASH : user.getPasswordHash());
        if (user == null || !matches) {
            throttle.recordFailure(now, freeAttempts, window, baseBlock, maxBlock);
            audit.record(claimant, AuditActions.LOGIN, AuditActions.USER, name, null, AuditOutcome.FAILURE);
            throw new AuthenticationFailedException();
        }
        throttle.reset();
        Caller signedIn = new Caller(user.getUsername(), user.getRoles(), user.getRegions(), requestId, clientAddress);
        audit.record(signedIn, AuditActions.LOGIN, AuditActions.USER, name, null, AuditOutcome.SUCCESS);
        return tokens.issue(user, now);
    }
}
