package org.custodian.application.integration;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.integration.ApiKeyToken;
import org.custodian.domain.model.integration.ServiceAccount;
import org.custodian.domain.model.integration.ServiceAccountKey;
import org.custodian.domain.model.integration.ServiceAccountRepository;

@Stateless
public class DefaultApiKeyService implements ApiKeyService {

    /** One answer for an unknown key and a wrong secret: which key ids exist is nobody's business. */
    static final String NOT_ACCEPTED = "the API key was not accepted (unknown key or wrong secret)";

    @Inject
    private ServiceAccountRepository accounts;

    @Inject
    private ApiKeyHasher hasher;

    @EJB
    private AuditService audit;

    private final Clock clock = Clock.systemUTC();

    @Override
    public KeyAuthentication authenticate(String presented, String clientAddress, String requestId) {
        Optional<ApiKeyToken> parsed = ApiKeyToken.parse(presented);
        if (parsed.isEmpty()) {
            return KeyAuthentication.refused("this is not a well-formed Custodian API key (cst_<key id>_<secret>)");
        }
        ApiKeyToken token = parsed.get();
        Optional<ServiceAccountKey> stored = accounts.findKey(token.keyId());
        if (stored.isEmpty()) {
            return KeyAuthentication.refused(NOT_ACCEPTED);
        }
        ServiceAccountKey key = stored.get();
        Caller actor = Caller.anonymous(ServiceAccount.callerName(key.getAccount(), key.getKeyId()), requestId,
                clientAddress);
        if (!hasher.matches(token, key.getSecretHash())) {
            return reject(actor, key, "wrong-secret", NOT_ACCEPTED);
        }
        Instant now = clock.instant();
        if (key.getRevokedAt() != null) {
            return reject(actor, key, "revoked", "this API key was revoked at " + key.getRevokedAt());
        }
        if (!key.isLiveAt(now)) {
            return reject(actor, key, "expired", "this API key expired at " + key.getExpiresAt());
        }
        ServiceAccount account = accounts.find(key.getAccount()).orElseThrow();
        if (!account.isActiveAt(now)) {
            String state = account.state(now).toLowerCase(Locale.ROOT);
            return reject(actor, key, "account-" + state, "the service account " + account.getName() + " is " + state);
        }
        Set<String> scopes = account.getScopes();
        KeyAuthentication accepted = KeyAuthentication.accepted(account.getName(), key.getKeyId(), scopes,
                account.getRegions(), key.getRateLimit() != null ? key.getRateLimit() : account.getRateLimit());
        if (key.markUsed(now)) {
            audit.record(accepted.caller(requestId, clientAddress), ServiceAccountActions.KEY_USE,
                    ServiceAccountActions.RESOURCE, key.getAccount() + "/" + key.getKeyId(),
                    List.of("scopes=" + String.join(" ", scopes)),
                    AuditOutcome.SUCCESS);
        }
        return accepted;
    }

    private KeyAuthentication reject(Caller actor, ServiceAccountKey key, String why, String reason) {
        audit.record(actor, ServiceAccountActions.KEY_REJECT, ServiceAccountActions.RESOURCE,
                key.getAccount() + "/" + key.getKeyId(), List.of("reason=" + why), AuditOutcome.DENIED);
        return KeyAuthentication.refused(reason);
    }
}
