package org.custodian.application.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.auth.PasswordChecked;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.user.SingleSignOnSession;
import org.custodian.domain.model.user.SingleSignOnSessionRepository;

@Stateless
public class DefaultSingleSignOnService implements SingleSignOnService {

    /** Registry rows outlive any portal session (8 h absolute by default) and are then forgotten. */
    static final Duration KEEP = Duration.ofDays(1);

    @EJB
    IdentityProviderService identityProvider;

    @EJB
    AuditService audit;

    @Inject
    SingleSignOnSessionRepository sessions;

    @Inject
    ProviderTokens tokens;

    private final Clock clock = Clock.systemUTC();

    @Override
    public SignedIn signIn(AuthorizationCodeFlow.Result result, String requestId, String clientAddress) {
        PasswordChecked checked = identityProvider.portalSignIn(result.identity(), requestId, clientAddress);
        Instant now = clock.instant();
        sessions.forgetStartedBefore(now.minus(KEEP));
        String key = AuthorizationCodeFlow.random();
        sessions.store(new SingleSignOnSession(key, checked.caller().username(), result.identity().issuer(),
                result.identity().subject(), result.sid(), now));
        return new SignedIn(checked, key);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isOpen(String sessionKey) {
        return sessions.isOpen(sessionKey);
    }

    @Override
    public void ended(String sessionKey, String why) {
        sessions.find(sessionKey).ifPresent(session -> session.end(why, clock.instant()));
    }

    @Override
    public int backChannelLogout(String logoutToken, String requestId, String clientAddress) {
        JWTClaimsSet claims = tokens.logoutToken(logoutToken);
        Instant now = clock.instant();
        // a replayed token cannot end sessions begun after it was issued (60 s for clocks that differ)
        Instant before = claims.getIssueTime().toInstant().plusSeconds(ProviderTokens.CLOCK_SKEW_SECONDS);
        Object sid = claims.getClaim("sid");
        List<SingleSignOnSession> open = sid instanceof String text && !text.isBlank()
                ? sessions.lockOpenBySid(claims.getIssuer(), text, before)
                : sessions.lockOpenBySubject(claims.getIssuer(), claims.getSubject(), before);
        List<SingleSignOnSession> ended = new ArrayList<>();
        for (SingleSignOnSession session : open) {
            if (session.end("idp-logout", now)) {
                ended.add(session);
            }
        }
        for (SingleSignOnSession session : ended) {
            audit.record(new Caller(session.getUsername(), Set.of(), Set.of(), requestId, clientAddress),
                    AuditActions.LOGOUT, AuditActions.USER, session.getUsername(),
                    List.of("channel=idp-backchannel", sid != null ? "by=sid" : "by=sub"), AuditOutcome.SUCCESS);
        }
        return ended.size();
    }
}
