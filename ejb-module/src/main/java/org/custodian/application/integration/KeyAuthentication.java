package org.custodian.application.integration;

import java.io.Serializable;
import java.util.Set;
import org.custodian.application.policy.ApiScope;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.integration.ApiKeyToken;
import org.custodian.domain.model.integration.ServiceAccount;

/**
 * The outcome of presenting an API key: the service account's caller data (accepted), or why it was refused.
 *
 * @param callerName {@code svc:<account>/<keyId>}: the trail records the key (the credential) with every event
 * @param rateLimit requests per window for this key; null for the configured default for keys
 */
public record KeyAuthentication(boolean accepted, String callerName, String account, String keyId,
        Set<String> scopes, Set<Region> regions, Integer rateLimit, String reason) implements Serializable {

    /** Whether a bearer value is meant as an API key ({@code cst_...}): then it is checked as one, never as a JWT. */
    public static boolean isApiKey(String bearer) {
        return ApiKeyToken.looksLikeKey(bearer);
    }

    static KeyAuthentication accepted(String account, String keyId, Set<String> scopes, Set<Region> regions,
            Integer rateLimit) {
        return new KeyAuthentication(true, ServiceAccount.callerName(account, keyId), account, keyId, Set.copyOf(scopes),
                Set.copyOf(regions), rateLimit, null);
    }

    static KeyAuthentication refused(String reason) {
        return new KeyAuthentication(false, null, null, null, Set.of(), Set.of(), null, reason);
    }

    /** The request's caller: the roles of its scopes, its regions, limited by its scopes. */
    public Caller caller(String requestId, String clientAddress) {
        if (!accepted) {
            throw new IllegalStateException("a refused key has no caller");
        }
        return new Caller(callerName, ApiScope.rolesOf(scopes), regions, requestId, clientAddress, scopes);
    }
}
