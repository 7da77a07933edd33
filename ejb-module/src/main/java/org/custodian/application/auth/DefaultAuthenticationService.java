package org.custodian.application.auth;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.custodian.application.shared.ConflictException;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.SecondFactor;
import org.custodian.domain.shared.DomainRuleViolationException;
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
    static final String ISSUER = "Custodian";
    /** 160 bits, the HMAC-SHA1 block the RFC recommends. */
    static final int SECRET_BYTES = 20;
    static final int RECOVERY_CODES = 10;

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
    private SecretSealer sealer;

    /** Roles that must sign in to the portal with a second factor. */
    @Inject
    @ConfigProperty(name = "custodian.auth.second-factor-roles",
            defaultValue = "SUPERVISOR,OPERATOR,PRIVACY_OFFICER,AUDITOR")
    Set<Role> secondFactorRoles;

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
    public AccessToken signIn(String username, char[] password, String oneTimeCode, String requestId,
            String clientAddress) {
        User user = verifyPassword(username, password, requestId, clientAddress);
        Optional<SecondFactor> factor = users.findSecondFactor(user.getUsername()).filter(SecondFactor::isConfirmed);
        Caller signedIn = callerOf(user, requestId, clientAddress);
        if (factor.isPresent()) {
            // the API is no way around a second factor the portal asks for
            if (oneTimeCode == null || oneTimeCode.isBlank()) {
                audit.record(signedIn, AuditActions.LOGIN_SECOND_FACTOR, AuditActions.USER, user.getUsername(),
                        List.of("channel=api", "missing"), AuditOutcome.FAILURE);
                throw new AuthenticationFailedException("this account has a second factor: send a current code"
                        + " from its authenticator (or a recovery code) as 'otp'");
            }
            checkCode(signedIn, factor.get(), oneTimeCode, "api");
        }
        audit.record(signedIn, AuditActions.LOGIN, AuditActions.USER, user.getUsername(), List.of("channel=api"),
                AuditOutcome.SUCCESS);
        return tokens.issue(user, clock.instant());
    }

    @Override
    public PasswordChecked checkPassword(String username, char[] password, String requestId, String clientAddress) {
        User user = verifyPassword(username, password, requestId, clientAddress);
        Caller signingIn = callerOf(user, requestId, clientAddress);
        boolean enrolled = users.findSecondFactor(user.getUsername()).filter(SecondFactor::isConfirmed).isPresent();
        boolean required = user.getRoles().stream().anyMatch(secondFactorRoles::contains);
        SecondFactorStep next = enrolled ? SecondFactorStep.VERIFY
                : required ? SecondFactorStep.ENROLL : SecondFactorStep.NONE;
        audit.record(signingIn, AuditActions.LOGIN, AuditActions.USER, user.getUsername(), List.of("channel=portal", "password", "next=" + next),
                AuditOutcome.SUCCESS);
        return new PasswordChecked(signingIn, user.getDisplayName(), next);
    }

    @Override
    public Caller checkSecondFactor(Caller signingIn, String code) {
        String name = signingIn.username();
        SecondFactor factor = users.findSecondFactor(name).filter(SecondFactor::isConfirmed)
                .orElseThrow(() -> new AuthenticationFailedException("no second factor is enrolled for this account"));
        checkCode(signingIn, factor, code, "portal");
        return signingIn;
    }

    /** Accepts a TOTP code of a step not used before, or an unused recovery code; failures count and are audited. */
    private void checkCode(Caller signingIn, SecondFactor factor, String code, String channel) {
        String name = signingIn.username();
        throttles.ensureRow(name, clock.instant());
        LoginThrottle throttle = users.lockThrottle(name).orElseThrow();
        refuseIfBlocked(throttle, signingIn, name);
        Instant now = clock.instant();
        String submitted = code == null ? "" : code.trim();
        boolean accepted;
        String method;
        if (submitted.replace(" ", "").chars().allMatch(Character::isDigit)) {
            method = "totp";
            OptionalLong step = Totp.matchingStep(sealer.open(name, factor.getSealedSecret()), submitted, now,
                    factor.getLastUsedStep());
            accepted = step.isPresent() && factor.useStep(step.getAsLong());
        } else {
            method = "recovery-code";
            String normalized = RecoveryCodes.normalize(submitted);
            accepted = normalized != null && factor.useRecoveryCode(sealer.recoveryCodeHash(name, normalized));
        }
        if (!accepted) {
            throttle.recordFailure(now, freeAttempts, window, baseBlock, maxBlock);
            audit.record(signingIn, AuditActions.LOGIN_SECOND_FACTOR, AuditActions.USER, name,
                    List.of("channel=" + channel, "method=" + method), AuditOutcome.FAILURE);
            throw new AuthenticationFailedException("the code is wrong, expired or was already used");
        }
        throttle.reset();
        List<String> fields = new ArrayList<>(List.of("channel=" + channel, "method=" + method));
        if ("recovery-code".equals(method)) {
            fields.add("recoveryCodesLeft=" + factor.unusedRecoveryCodes());
        }
        audit.record(signingIn, AuditActions.LOGIN_SECOND_FACTOR, AuditActions.USER, name, fields,
                AuditOutcome.SUCCESS);
    }

    @Override
    public Enrollment beginEnrollment(Caller signingIn) {
        String name = signingIn.username();
        byte[] secret = sealer.randomBytes(SECRET_BYTES);
        String sealed = sealer.seal(name, secret);
        Optional<SecondFactor> existing = users.findSecondFactor(name);
        if (existing.isPresent() && existing.get().isConfirmed()) {
            throw new ConflictException("a second factor is already enrolled for " + name
                    + "; an administrator must reset it before another can be enrolled");
        }
        existing.ifPresentOrElse(factor -> factor.restartEnrollment(sealed, clock.instant()),
                () -> users.store(new SecondFactor(name, sealed, clock.instant())));
        audit.record(signingIn, AuditActions.SECOND_FACTOR_ENROLL, AuditActions.USER, name, List.of("started"),
                AuditOutcome.SUCCESS);
        return new Enrollment(Totp.base32(secret), Totp.keyUri(ISSUER, name, secret));
    }

    @Override
    public List<String> confirmEnrollment(Caller signingIn, String code) {
        String name = signingIn.username();
        SecondFactor factor = users.findSecondFactor(name).filter(pending -> !pending.isConfirmed())
                .orElseThrow(() -> new ConflictException("no enrollment is waiting for a first code; start again"));
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(sealer.open(name, factor.getSealedSecret()), code, now, 0);
        if (step.isEmpty()) {
            audit.record(signingIn, AuditActions.SECOND_FACTOR_ENROLL, AuditActions.USER, name, List.of("confirm"),
                    AuditOutcome.FAILURE);
            throw new DomainRuleViolationException("code", "is not the current code of the authenticator: check"
                    + " that the device's clock is right and enter the 6 digits it shows now");
        }
        List<String> codes = RecoveryCodes.generate(sealer, RECOVERY_CODES);
        Set<String> hashes = new HashSet<>();
        codes.forEach(recovery -> hashes.add(sealer.recoveryCodeHash(name, RecoveryCodes.normalize(recovery))));
        factor.confirm(step.getAsLong(), hashes, now);
        audit.record(signingIn, AuditActions.SECOND_FACTOR_ENROLL, AuditActions.USER, name,
                List.of("confirmed", "recoveryCodes=" + codes.size()), AuditOutcome.SUCCESS);
        return codes;
    }

    @Override
    public void recordSignOut(Caller caller, boolean expired, String why) {
        audit.record(caller, expired ? AuditActions.SESSION_EXPIRED : AuditActions.LOGOUT, AuditActions.USER,
                caller.username(), why == null ? null : List.of(why), AuditOutcome.SUCCESS);
    }

    /** The password check shared by the API and the portal: throttled, constant-time for unknown users, audited. */
    private User verifyPassword(String username, char[] password, String requestId, String clientAddress) {
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
        refuseIfBlocked(throttle, claimant, name);
        Instant now = clock.instant();
        User user = users.findByUsername(name).filter(User::isEnabled).orElse(null);
        boolean matches = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS)
                .verify(password, user == null ? DECOY_HASH : user.getPasswordHash());
        if (user == null || !matches) {
            throttle.recordFailure(now, freeAttempts, window, baseBlock, maxBlock);
            audit.record(claimant, AuditActions.LOGIN, AuditActions.USER, name, null, AuditOutcome.FAILURE);
            throw new AuthenticationFailedException();
        }
        throttle.reset();
        return user;
    }

    private void refuseIfBlocked(LoginThrottle throttle, Caller claimant, String name) {
        Instant now = clock.instant();   // taken after the lock: the wait for it must not shorten a block
        if (throttle.isBlocked(now)) {
            audit.record(claimant, AuditActions.LOGIN, AuditActions.USER, name, null, AuditOutcome.DENIED);
            long waitMillis = throttle.remainingBlock(now).toMillis();
            throw new TooManyAttemptsException(Math.max(1, (waitMillis + 999) / 1000));
        }
    }

    private static Caller callerOf(User user, String requestId, String clientAddress) {
        return new Caller(user.getUsername(), user.getRoles(), user.getRegions(), requestId, clientAddress);
    }
}
