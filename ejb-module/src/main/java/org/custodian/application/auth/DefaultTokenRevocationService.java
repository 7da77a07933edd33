package org.custodian.application.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.AuthenticatedFacts;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.policy.PolicyContextVersions;
import org.custodian.domain.model.policy.PolicyContextVersions.CallerFacts;
import org.custodian.domain.model.user.UserRepository;

@Stateless
public class DefaultTokenRevocationService implements TokenRevocationService {

    @Inject
    UserRepository users;

    @Inject
    AuditService audit;

    @Inject
    PolicyContextVersions versions;

    @Inject
    AuthenticatedFacts authenticated;

    private final Clock clock = Clock.systemUTC();

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isCurrent(Caller caller, int tokenVersion) {
        CallerFacts facts = versions.currentFor(caller.username(), clock.instant());
        // the signature says who the caller is; the user store can only take that away (a token of an identity
        // provider may name a user this server has no row for)
        boolean current = facts.token().map(state -> state.enabled() && state.version() == tokenVersion)
                .orElse(true);
        if (current) {
            authenticated.keep(caller, facts);
        }
        return current;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Integer> activeVersion(String username) {
        return users.findTokenState(username).filter(UserRepository.TokenState::enabled)
                .map(UserRepository.TokenState::version);
    }

    @Override
    public void signOutEverywhere(Caller caller) {
        users.raiseTokenVersion(caller.username());
        audit.record(caller, AuditActions.TOKENS_REVOKED, AuditActions.USER, caller.username(),
                List.of("why=signed out everywhere"), AuditOutcome.SUCCESS);
    }

    @Override
    public void revokeFor(Caller caller, String username, String why) {
        if (users.raiseTokenVersion(username)) {
            audit.record(caller, AuditActions.TOKENS_REVOKED, AuditActions.USER, username, List.of("why=" + why),
                    AuditOutcome.SUCCESS);
        }
    }
}
