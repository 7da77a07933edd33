package org.custodian.application.auth;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.custodian.application.audit.FieldDigest;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.domain.model.user.SecondFactor;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.user.LoginThrottle;
import org.custodian.domain.model.user.SourceThrottle;
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
    /** How long a pending enrollment's secret is shown again rather than replaced. */
    static final Duration PENDING_ENROLLMENT = Duration.ofMinutes(10);

    /** Checked when the username is unknown, so both failures cost the same time. */
    private static final String DECOY_HASH = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS)
            .hash("decoy-password-never-matches".toCharArray());

    @EJB
    private AuditService audit;

    @Inject
    private UserRepository users;

    @Inject
    private TokenIssuer tokens;

    @Inject
    private TokenRevocationService revocation;

    @EJB
    private LoginThrottleRows throttles;

    @Inject
    private SecretSealer sealer;

    @EJB
    private PolicyService policy;

    @Inject
    private FieldDigest digest;

    @Inject
    SecondFactorRule secondFactor;

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

    /** Failures from one source address (any usernames) before its delays start; more than a username's. */
    @Inject
    @ConfigProperty(name = "custodian.login.source-free-attempts", defaultValue = "20")
    int sourceFreeAttempts;

    @Inject
    @ConfigProperty(name = "custodian.login.source-block", defaultValue = "PT1S")
    Duration sourceBlock;

    /** How long a source a user signed in from stays exempt from that username's block. */
    @Inject
    @ConfigProperty(name = "custodian.login.known-source-age", defaultValue = "P90D")
    Duration knownSourceAge;

    @Inject
    private HashingBulkhead bulkhead;

    /** {@code false}: people sign in through the identity provider; passwords only for the exempt (break-glass). */
    @Inject
    @ConfigProperty(name = "custodian.auth.password-sign-in", defaultValue = "true")
    boolean passwordSignIn;

    @Inject
    @ConfigProperty(name = "custodian.auth.password-sign-in-exempt", defaultValue = " ")
    String passwordSignInExempt;

    private final Clock clock = Clock.systemUTC();

    @Override
    public AccessToken signIn(String username, char[] password, String oneTimeCode, String requestId,
            String clientAddress) {
        Verified verified = verifyPassword(username, password, requestId, clientAddress);
        User user = verified.user();
        Caller signedIn = callerOf(user, requestId, clientAddress);
        Optional<SecondFactor> factor = lockedFactor(user.getUsername()).filter(SecondFactor::isConfirmed);
        if (factor.isPresent()) {
            // the API is no way around a second factor the portal asks for; a missing code fails like a wrong one
            checkCode(signedIn, verified.throttle(), factor.get(), oneTimeCode, "api");
        } else if (secondFactor.apiNeedsSecondFactor(user.getRoles())) {
            // counted and answered like a wrong password: the answer must not tell that the password was right
            countFailure(signedIn, verified.throttle());
            audit.record(signedIn, AuditActions.LOGIN_SECOND_FACTOR, AuditActions.USER, user.getUsername(),
                    List.of("channel=api", "not-enrolled"), AuditOutcome.DENIED);
            throw new AuthenticationFailedException();
        } else {
            succeeded(signedIn, verified.throttle());
        }
        audit.record(signedIn, AuditActions.LOGIN, AuditActions.USER, user.getUsername(), List.of("channel=api"),
                AuditOutcome.SUCCESS);
        return tokens.issue(user, clock.instant());
    }

    @Override
    public PasswordChecked checkPassword(String username, char[] password, String requestId, String clientAddress) {
        Verified verified = verifyPassword(username, password, requestId, clientAddress);
        User user = verified.user();
        Caller signingIn = callerOf(user, requestId, clientAddress);
        boolean enrolled = users.findSecondFactor(user.getUsername()).filter(SecondFactor::isConfirmed).isPresent();
        boolean required = secondFactor.required(user.getRoles());
        SecondFactorStep next = enrolled ? SecondFactorStep.VERIFY
                : required ? SecondFactorStep.ENROLL : SecondFactorStep.NONE;
        if (next == SecondFactorStep.NONE) {
            succeeded(signingIn, verified.throttle());
            audit.record(signingIn, AuditActions.LOGIN, AuditActions.USER, user.getUsername(),
                    List.of("channel=portal"), AuditOutcome.SUCCESS);
        } else {
            // not yet a sign-in, and not a reason to forget earlier failures: a right password must not reset
            // the count of wrong codes, or codes could be guessed without end
            audit.record(signingIn, AuditActions.LOGIN_PASSWORD, AuditActions.USER, user.getUsername(),
                    List.of("channel=portal", "next=" + next), AuditOutcome.SUCCESS);
        }
        return new PasswordChecked(signingIn, user.getDisplayName(), next);
    }

    @Override
    public Caller checkSecondFactor(Caller signingIn, String code) {
        String name = signingIn.username();
        LoginThrottle throttle = lockedThrottle(signingIn, name);
        SecondFactor factor = lockedFactor(name).filter(SecondFactor::isConfirmed)
                .orElseThrow(() -> new AuthenticationFailedException("no second factor is enrolled for this account"));
        checkCode(signingIn, throttle, factor, code, "portal");
        audit.record(signingIn, AuditActions.LOGIN, AuditActions.USER, name, List.of("channel=portal"),
                AuditOutcome.SUCCESS);
        return signingIn;
    }

    /**
     * Accepts a TOTP code of a step not used before, or an unused recovery code; failures count towards the lockout
     * and are audited. The caller holds the throttle row's lock and the factor's, so parallel submits of one code
     * are decided one after the other (the second sees the step used).
     */
    private void checkCode(Caller signingIn, LoginThrottle throttle, SecondFactor factor, String code,
            String channel) {
        String name = signingIn.username();
        Instant now = clock.instant();
        String submitted = code == null ? "" : code.trim();
        boolean accepted;
        String method;
        if (submitted.isEmpty()) {
            method = "missing";
            accepted = false;
        } else if (submitted.replace(" ", "").chars().allMatch(Character::isDigit)) {
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
            countFailure(signingIn, throttle);
            audit.record(signingIn, AuditActions.LOGIN_SECOND_FACTOR, AuditActions.USER, name,
                    List.of("channel=" + channel, "method=" + method), AuditOutcome.FAILURE);
            // the API answers as for a wrong password; the portal asks for the code only after the password
            // step, so there the user may be told what went wrong with it
            throw "api".equals(channel) ? new AuthenticationFailedException()
                    : new AuthenticationFailedException("missing".equals(method)
                            ? "this account has a second factor: send a current code from its authenticator (or a"
                                    + " recovery code) as 'otp'"
                            : "the code is wrong, expired or was already used");
        }
        succeeded(signingIn, throttle);
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
        // the throttle row first (the lock order everywhere): a second tab waits here and then finds the row
        lockedThrottle(signingIn, name);
        Optional<SecondFactor> existing = lockedFactor(name);
        if (existing.isPresent() && existing.get().isConfirmed()) {
            throw new ConflictException("a second factor is already enrolled for " + name);
        }
        Instant now = clock.instant();
        if (existing.isPresent() && existing.get().getCreatedAt().isAfter(now.minus(PENDING_ENROLLMENT))) {
            // a reload or a second tab shows the secret already scanned, not a new one that would not match
            byte[] secret = sealer.open(name, existing.get().getSealedSecret());
            return new Enrollment(Totp.base32(secret), Totp.keyUri(ISSUER, name, secret));
        }
        byte[] secret = sealer.randomBytes(SECRET_BYTES);
        String sealed = sealer.seal(name, secret);
        existing.ifPresentOrElse(factor -> factor.restartEnrollment(sealed, now),
                () -> users.store(new SecondFactor(name, sealed, now)));
        audit.record(signingIn, AuditActions.SECOND_FACTOR_ENROLL, AuditActions.USER, name, List.of("started"),
                AuditOutcome.SUCCESS);
        return new Enrollment(Totp.base32(secret), Totp.keyUri(ISSUER, name, secret));
    }

    @Override
    public List<String> confirmEnrollment(Caller signingIn, String code) {
        String name = signingIn.username();
        LoginThrottle throttle = lockedThrottle(signingIn, name);
        SecondFactor factor = lockedFactor(name).filter(pending -> !pending.isConfirmed())
                .orElseThrow(() -> new ConflictException("no enrollment is waiting for a first code; start again"));
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(sealer.open(name, factor.getSealedSecret()), code, now, 0);
        if (step.isEmpty()) {
            // in a transaction of its own: the refusal below rolls this one back
            audit.recordNow(signingIn, AuditActions.SECOND_FACTOR_ENROLL, AuditActions.USER, name,
                    List.of("confirm"), AuditOutcome.FAILURE);
            throw new DomainRuleViolationException("code", "is not the current code of the authenticator: check"
                    + " that the device's clock is right and enter the 6 digits it shows now");
        }
        List<String> codes = RecoveryCodes.generate(sealer, RECOVERY_CODES);
        Set<String> hashes = new HashSet<>();
        codes.forEach(recovery -> hashes.add(sealer.recoveryCodeHash(name, RecoveryCodes.normalize(recovery))));
        factor.confirm(step.getAsLong(), hashes, now);
        succeeded(signingIn, throttle);
        audit.record(signingIn, AuditActions.SECOND_FACTOR_ENROLL, AuditActions.USER, name,
                List.of("confirmed", "recoveryCodes=" + codes.size()), AuditOutcome.SUCCESS);
        audit.record(signingIn, AuditActions.LOGIN, AuditActions.USER, name, List.of("channel=portal", "enrolled"),
                AuditOutcome.SUCCESS);
        return codes;
    }

    @Override
    public void resetSecondFactor(Caller caller, String username, String reason) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        // before anything records the name: no username is longer, and the trail's resource id has a length
        new RuleCheck().require(!name.isEmpty() && name.length() <= MAX_USERNAME, "username",
                "must be a username of 1 to " + MAX_USERNAME + " characters").throwIfAny();
        policy.enforce(caller, Permission.SECOND_FACTOR_RESET, AuditActions.USER, name);
        new RuleCheck().require(!name.equals(caller.username()), "username", "is your own account: another"
                + " operator must reset your second factor").requireText(reason, "reason", 5, 500).throwIfAny();
        SecondFactor factor = lockedFactor(name).orElseThrow(() -> new ResourceNotFoundException("second factor",
                name));
        users.remove(factor);
        revocation.revokeFor(caller, name, "second factor reset");
        audit.record(caller, AuditActions.SECOND_FACTOR_RESET, AuditActions.USER, name,
                List.of("reason=" + digest.of("user.secondFactorReset", reason.trim())), AuditOutcome.SUCCESS);
    }

    @Override
    public Optional<CurrentAccess> current(String username, String requestId, String clientAddress) {
        return users.findByUsername(username).filter(User::isEnabled)
                .map(user -> new CurrentAccess(callerOf(user, requestId, clientAddress),
                        secondFactor.required(user.getRoles())
                                || users.findSecondFactor(username).filter(SecondFactor::isConfirmed).isPresent()));
    }

    @Override
    public void recordSignOut(Caller caller, boolean expired, String why) {
        audit.record(caller, expired ? AuditActions.SESSION_EXPIRED : AuditActions.LOGOUT, AuditActions.USER,
                caller.username(), why == null ? null : List.of(why), AuditOutcome.SUCCESS);
    }

    /**
     * The password check shared by the API and the portal: throttled, constant-time for unknown users, audited when
     * it fails. A right password leaves the throttle row locked and its count as it was: the caller resets it when
     * the whole sign-in has succeeded.
     */
    private Verified verifyPassword(String username, char[] password, String requestId, String clientAddress) {
        String name = username.trim().toLowerCase(Locale.ROOT);
        if (name.length() > MAX_USERNAME) {
            // lower-casing can lengthen text (U+0130 becomes two chars): no such user can exist
            audit.record(Caller.anonymous(name.substring(0, MAX_USERNAME), requestId, clientAddress),
                    AuditActions.LOGIN, AuditActions.USER, null, null, AuditOutcome.FAILURE);
            throw new AuthenticationFailedException();
        }
        Caller claimant = Caller.anonymous(name, requestId, clientAddress);
        if (!passwordAllowed(name, passwordSignIn, passwordSignInExempt)) {
            // before the throttle and the hash: nothing about the password is checked or told
            audit.record(claimant, AuditActions.LOGIN, AuditActions.USER, name, List.of("password-sign-in-off"),
                    AuditOutcome.DENIED);
            throw new PasswordSignInDisabledException();
        }
        LoginThrottle throttle = lockedThrottle(claimant, name);
        User user = users.findByUsername(name).filter(User::isEnabled).orElse(null);
        // bounded: a flood of requests is refused (429) rather than queued behind the hashes of the cores
        boolean matches = bulkhead.check(() -> new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS)
                .verify(password, user == null ? DECOY_HASH : user.getPasswordHash()));
        if (user == null || !matches) {
            countFailure(claimant, throttle);
            audit.record(claimant, AuditActions.LOGIN, AuditActions.USER, name, null, AuditOutcome.FAILURE);
            throw new AuthenticationFailedException();
        }
        return new Verified(user, throttle);
    }

    /** Whether this (lower-cased) username may sign in with a password: always, or only if named exempt. */
    static boolean passwordAllowed(String name, boolean passwordSignIn, String exempt) {
        if (passwordSignIn) {
            return true;
        }
        for (String listed : exempt.split(",")) {
            if (!listed.isBlank() && listed.trim().toLowerCase(Locale.ROOT).equals(name)) {
                return true;
            }
        }
        return false;
    }

    private record Verified(User user, LoginThrottle throttle) {
    }

    /**
     * The throttle row that counts this attempt, locked for this transaction (every attempt on a row queues on it,
     * so parallel guesses are all counted); refused while it or the source is blocked. From a source the user
     * completed a sign-in from before, that is a row of its own for the user and that source; from anywhere else it
     * is the username's row. So a stranger's failures lock the username for unknown sources only, while the user's
     * own places keep a path, throttled just as strictly on their own.
     */
    private LoginThrottle lockedThrottle(Caller claimant, String name) {
        String source = sourceOf(claimant);
        Instant start = clock.instant();
        // read without a lock: sign-ins from one address (an office behind one NAT) must not wait for each other
        Optional<SourceThrottle> sourceRow = users.findSourceThrottle(source);
        if (sourceRow.isPresent() && sourceRow.get().isBlocked(start)) {
            throw denied(claimant, name, sourceRow.get().remainingBlock(start), "source");
        }
        boolean known = users.isKnownSource(name, source, start.minus(knownSourceAge));
        String key = known ? knownSourceKey(name, source) : name;
        throttles.ensureRow(key, start);
        LoginThrottle throttle = users.lockThrottle(key).orElseThrow();
        Instant now = clock.instant();   // taken after the lock: the wait for it must not shorten a block
        if (throttle.isBlocked(now)) {
            throw denied(claimant, name, throttle.remainingBlock(now), known ? "username-at-source" : "username");
        }
        return throttle;
    }

    /**
     * The throttle key of a user at one of their known sources: a digest, so it fits the username column; the
     * leading '#' and 43 characters of base64 could only clash with a claimed username through a SHA-256 preimage.
     */
    static String knownSourceKey(String name, String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((name + "\n" + source).getBytes(StandardCharsets.UTF_8));
            return "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A failed password or code counts against the username and against the source it came from. */
    private void countFailure(Caller claimant, LoginThrottle throttle) {
        Instant now = clock.instant();
        throttle.recordFailure(now, freeAttempts, window, baseBlock, maxBlock);
        // locked only now, briefly, after the hash: the lock order is always username row, then source row
        users.lockSourceThrottle(sourceOf(claimant), now)
                .recordFailure(now, sourceFreeAttempts, window, sourceBlock, maxBlock);
    }

    /**
     * A completed sign-in clears the count it was made under (the username's, or the user's at this known source)
     * and makes the source known for the user. The source's own count stays: one good account must not let a
     * source wipe its guesses at others; nor does a success at a known source clear a stranger's failures.
     */
    private void succeeded(Caller caller, LoginThrottle throttle) {
        throttle.reset();
        Instant now = clock.instant();
        users.rememberSource(caller.username(), sourceOf(caller), now);
        // for the user administrator's list and dormant-account reports; the row is in this transaction already
        users.findByUsername(caller.username()).ifPresent(user -> user.signedIn(now));
    }

    /** The source address as the throttle keys it: the client address, or one shared key when it is unknown. */
    static String sourceOf(Caller caller) {
        String address = caller.clientAddress();
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        return address.length() > SourceThrottle.MAX_SOURCE ? address.substring(0, SourceThrottle.MAX_SOURCE) : address;
    }

    private Optional<SecondFactor> lockedFactor(String name) {
        return users.lockSecondFactor(name);
    }

    private TooManyAttemptsException denied(Caller claimant, String name, Duration remaining, String blocked) {
        audit.record(claimant, AuditActions.LOGIN, AuditActions.USER, name, List.of("blocked=" + blocked),
                AuditOutcome.DENIED);
        long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
        return "source".equals(blocked) ? new TooManyAttemptsException(seconds,
                "too many failed sign-in attempts from this address; try again in " + seconds + " s")
                : new TooManyAttemptsException(seconds);
    }

    private static Caller callerOf(User user, String requestId, String clientAddress) {
        return new Caller(user.getUsername(), user.getRoles(), user.getRegions(), requestId, clientAddress);
    }
}
