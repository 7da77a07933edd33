package org.custodian.application.user;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.auth.HashingBulkhead;
import org.custodian.application.auth.PasswordHasher;
import org.custodian.application.auth.PasswordRules;
import org.custodian.application.auth.SecondFactorRule;
import org.custodian.application.auth.SecretSealer;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.GoneException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.user.Invitation;
import org.custodian.domain.model.user.SecondFactor;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserAdministrationRepository;
import org.custodian.domain.model.user.UserRepository;
import org.custodian.domain.shared.RuleCheck;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
public class DefaultInvitationService implements InvitationService {

    static final String PURPOSE = "invitation";
    /** 256 bits: not guessable, so the public accept endpoint needs no throttle of its own. */
    static final int TOKEN_BYTES = 32;
    static final int MAX_TOKEN = 64;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private UserRepository users;

    @Inject
    private UserAdministrationRepository admin;

    @Inject
    private SecretSealer sealer;

    @Inject
    private HashingBulkhead bulkhead;

    @Inject
    @ConfigProperty(name = "custodian.users.invitation-ttl", defaultValue = "PT72H")
    Duration ttl;

    /** The same rule the sign-in applies: roles whose users must enroll a second factor. */
    @Inject
    SecondFactorRule secondFactor;

    private final Clock clock = Clock.systemUTC();

    @Override
    public IssuedInvitation invite(Caller caller, String username) {
        String name = DefaultUserAdministrationService.checkedName(username);
        policy.enforce(caller, Permission.USER_MANAGE, AuditActions.USER, name);
        User user = admin.lockUser(name).orElseThrow(() -> new ResourceNotFoundException("user", name));
        if (!user.isEnabled()) {
            throw new ConflictException(name + " is disabled: enable the account before inviting them");
        }
        Instant now = clock.instant();
        List<Invitation> earlier = admin.openInvitations(name);
        earlier.forEach(invitation -> invitation.voidAt(now));
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(sealer.randomBytes(TOKEN_BYTES));
        Invitation invitation = new Invitation(name, sealer.keyedHash(PURPOSE, token), caller.username(), now,
                now.plus(ttl));
        admin.store(invitation);
        audit.record(caller, AuditActions.INVITATION_CREATE, AuditActions.USER, name, List.of(
                "invitation=" + invitation.getId(), "expiresAt=" + invitation.getExpiresAt(),
                "replaced=" + earlier.size(), "passwordSet=" + user.hasPassword()), AuditOutcome.SUCCESS);
        return new IssuedInvitation(name, token, invitation.getExpiresAt());
    }

    @Override
    public AcceptedInvitation accept(String token, String password, String requestId, String clientAddress) {
        new RuleCheck().require(token != null && !token.isBlank() && token.length() <= MAX_TOKEN, "token",
                "must be the token of an invitation link (the text after token=)").throwIfAny();
        Instant now = clock.instant();
        Invitation invitation = admin.lockInvitation(sealer.keyedHash(PURPOSE, token.trim()))
                .orElseThrow(() -> new ResourceNotFoundException("invitation", "with this token"));
        String name = invitation.getUsername();
        User user = admin.lockUser(name).orElse(null);
        Invitation.Closed closed = user == null || !user.isEnabled() ? Invitation.Closed.REPLACED
                : invitation.closed(now);
        Caller holder = user == null ? Caller.anonymous(name, requestId, clientAddress)
                : new Caller(name, user.getRoles(), user.getRegions(), requestId, clientAddress);
        if (closed != null) {
            // GoneException keeps the transaction: the refusal is in the trail
            audit.record(holder, AuditActions.INVITATION_ACCEPT, AuditActions.USER, name,
                    List.of("invitation=" + invitation.getId(), "closed=" + closed), AuditOutcome.FAILURE);
            throw new GoneException(switch (closed) {
                case USED -> "this invitation link was used already; ask your user administrator for a new one";
                case EXPIRED -> "this invitation link expired at " + invitation.getExpiresAt()
                        + "; ask your user administrator for a new one";
                case REPLACED -> "this invitation link was replaced by a newer one or the account was disabled;"
                        + " use the newest link or ask your user administrator";
            });
        }
        RuleCheck check = new RuleCheck();
        PasswordRules.check(password, name, check);
        check.throwIfAny();
        String hash = hash(password);
        user.setPasswordHash(hash, name, now);
        invitation.use(now);
        boolean needsFactor = secondFactor.required(user.getRoles())
                && users.findSecondFactor(name).filter(SecondFactor::isConfirmed).isEmpty();
        audit.record(holder, AuditActions.INVITATION_ACCEPT, AuditActions.USER, name,
                List.of("invitation=" + invitation.getId(), "password=set", "secondFactorRequired=" + needsFactor),
                AuditOutcome.SUCCESS);
        return new AcceptedInvitation(name, needsFactor);
    }

    /** The hash, made under the same bound on concurrent hashing as sign-ins (a 429 when the cores are busy). */
    private String hash(String password) {
        String[] made = new String[1];
        bulkhead.check(() -> {
            made[0] = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS).hash(password.toCharArray());
            return true;
        });
        return made[0];
    }
}
