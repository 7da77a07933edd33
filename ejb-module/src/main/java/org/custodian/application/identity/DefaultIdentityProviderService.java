package org.custodian.application.identity;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.auth.PasswordChecked;
import org.custodian.application.auth.SecondFactorRule;
import org.custodian.application.auth.SecondFactorStep;
import org.custodian.application.identity.IdentityProviderSettings.Provisioning;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.user.SecondFactor;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;

@Stateless
public class DefaultIdentityProviderService implements IdentityProviderService {

    @Inject
    UserRepository users;

    @EJB
    AuditService audit;

    @Inject
    IdentityProviderSettings settings;

    @Inject
    SecondFactorRule secondFactor;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Caller signIn(IdentityClaims identity, String requestId, String clientAddress) {
        User user = resolve(identity, requestId, clientAddress);
        Caller caller = new Caller(user.getUsername(), user.getRoles(), user.getRegions(), requestId, clientAddress);
        boolean enrolled = users.findSecondFactor(user.getUsername()).filter(SecondFactor::isConfirmed).isPresent();
        if (!identity.mfa() && secondFactor.idpNeedsMfa(user.getRoles(), enrolled)) {
            audit.record(caller, AuditActions.LOGIN_SECOND_FACTOR, AuditActions.USER, user.getUsername(),
                    List.of("channel=idp", "not-shown"), AuditOutcome.DENIED);
            throw new SecondFactorMissingException("user " + user.getUsername() + " must sign in with a second"
                    + " factor, and the identity provider's token shows none (acr/amr; custodian.oidc.mfa-acr,"
                    + " custodian.oidc.mfa-amr): sign in at the identity provider with a second factor");
        }
        return caller;
    }

    @Override
    public PasswordChecked portalSignIn(IdentityClaims identity, String requestId, String clientAddress) {
        User user;
        try {
            user = resolve(identity, requestId, clientAddress);
        } catch (TokenRejectedException disabled) {
            // the API answers 401 and records nothing; a portal sign-in refused is audited like a wrong password
            audit.record(Caller.anonymous(identity.username(), requestId, clientAddress), AuditActions.LOGIN,
                    AuditActions.USER, identity.username(), List.of("channel=portal", "method=oidc", "disabled"),
                    AuditOutcome.DENIED);
            throw new AccessDeniedException(disabled.getMessage());
        }
        Caller caller = new Caller(user.getUsername(), user.getRoles(), user.getRegions(), requestId, clientAddress);
        boolean enrolled = users.findSecondFactor(user.getUsername()).filter(SecondFactor::isConfirmed).isPresent();
        boolean required = secondFactor.required(user.getRoles());
        SecondFactorStep next = portalStep(identity.mfa(), enrolled, required);
        List<String> fields = List.of("channel=portal", "method=oidc", "mfa=" + (identity.mfa() ? "idp" : "none"));
        if (next == SecondFactorStep.NONE) {
            user.signedIn(clock.instant());
            audit.record(caller, AuditActions.LOGIN, AuditActions.USER, user.getUsername(), fields,
                    AuditOutcome.SUCCESS);
        } else {
            List<String> pending = new java.util.ArrayList<>(fields);
            pending.add("next=" + next);
            audit.record(caller, AuditActions.LOGIN_IDENTITY_PROVIDER, AuditActions.USER, user.getUsername(),
                    pending, AuditOutcome.SUCCESS);
        }
        return new PasswordChecked(caller, user.getDisplayName(), next);
    }

    /**
     * The user the identity stands for, linked, provisioned and synchronised as configured; refused (audited) when
     * unknown with pre-provisioning, granted nothing, linked elsewhere or disabled.
     */
    private User resolve(IdentityClaims identity, String requestId, String clientAddress) {
        Caller claimant = Caller.anonymous(identity.username(), requestId, clientAddress);
        GroupMapping.Grants grants = settings.groupMapping().map(identity.groups());
        User user = users.findByIdentity(identity.issuer(), identity.subject()).orElse(null);
        if (user == null) {
            user = users.findByUsername(identity.username()).orElse(null);
            if (user != null && user.getIdentityIssuer() != null) {
                throw denied(claimant, identity, "linked-elsewhere", "user " + identity.username() + " here belongs"
                        + " to another identity at the identity provider (another subject); a user administrator"
                        + " must sort out the duplicate username");
            }
            if (user != null) {
                user.linkIdentity(identity.issuer(), identity.subject());
                audit.record(claimant, AuditActions.USER_IDENTITY_SYNC, AuditActions.USER, user.getUsername(),
                        List.of("linked", "issuer=" + identity.issuer()), AuditOutcome.SUCCESS);
            } else if (settings.provisioning() == Provisioning.JUST_IN_TIME) {
                if (grants.roles().isEmpty()) {
                    throw noRole(claimant, identity);
                }
                user = User.provisioned(identity.username(), identity.displayName(), grants.roles(), grants.regions(),
                        identity.issuer(), identity.subject(), clock.instant());
                users.store(user);
                users.flush();
                audit.record(claimant, AuditActions.USER_PROVISION, AuditActions.USER, user.getUsername(),
                        List.of("issuer=" + identity.issuer(), "roles=" + names(grants.roles()),
                                "regions=" + names(grants.regions())), AuditOutcome.SUCCESS);
            } else {
                throw denied(claimant, identity, "unknown", "user " + identity.username() + " is not known here, and"
                        + " this server admits only users created beforehand (CUSTODIAN_OIDC_PROVISIONING="
                        + "pre-provisioned); ask a user administrator to create them");
            }
        }
        if (!user.isEnabled()) {
            throw new TokenRejectedException("user " + user.getUsername() + " is disabled here; the identity"
                    + " provider's token does not change that");
        }
        if (user.isIdentityManaged()) {
            sync(user, grants, claimant);
            if (grants.roles().isEmpty()) {
                throw noRole(claimant, identity);
            }
        }
        return user;
    }

    /**
     * What follows a portal sign-in through the IdP: nothing when the IdP showed a second factor (acr/amr counts as
     * ours); otherwise as after a right password: the code of an enrolled authenticator, or enrollment for the roles
     * that need one.
     */
    static SecondFactorStep portalStep(boolean idpMfa, boolean enrolled, boolean roleNeedsFactor) {
        return idpMfa ? SecondFactorStep.NONE : enrolled ? SecondFactorStep.VERIFY
                : roleNeedsFactor ? SecondFactorStep.ENROLL : SecondFactorStep.NONE;
    }


    private void sync(User user, GroupMapping.Grants grants, Caller claimant) {
        if (user.getRoles().equals(grants.roles()) && user.getRegions().equals(grants.regions())) {
            return;
        }
        String before = "roles " + names(user.getRoles()) + " regions " + names(user.getRegions());
        user.applyIdentityProviderGrants(grants.roles(), grants.regions());
        // the mapping (custodian.oidc.group-map) is the approved decision: no second approver for IdP grants
        audit.record(claimant, AuditActions.USER_IDENTITY_SYNC, AuditActions.USER, user.getUsername(),
                List.of("before=" + before, "after=roles " + names(grants.roles()) + " regions "
                        + names(grants.regions())), AuditOutcome.SUCCESS);
    }

    private AccessDeniedException noRole(Caller claimant, IdentityClaims identity) {
        return denied(claimant, identity, "no-role", "none of the identity provider's groups of user "
                + identity.username() + " maps to a role here (CUSTODIAN_OIDC_GROUP_MAP)");
    }

    private AccessDeniedException denied(Caller claimant, IdentityClaims identity, String why, String message) {
        audit.record(claimant, AuditActions.LOGIN, AuditActions.USER, identity.username(),
                List.of("channel=idp", why), AuditOutcome.DENIED);
        return new AccessDeniedException(message);
    }

    private static String names(Set<? extends Enum<?>> values) {
        TreeSet<String> sorted = new TreeSet<>();
        values.forEach(value -> sorted.add(value.name()));
        return String.join("+", sorted);
    }
}
