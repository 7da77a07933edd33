package org.custodian.application.integration;

import org.custodian.domain.model.integration.ApiKeyToken;

/** Authenticates a request that presents an API key ({@code Authorization: Bearer cst_...}). */
public interface ApiKeyService {

    /** Whether a bearer value is meant as an API key ({@code cst_...}): then it is checked here, never as a JWT. */
    static boolean isApiKey(String bearer) {
        return ApiKeyToken.looksLikeKey(bearer);
    }

    /**
     * Checks the key against its stored hash, its expiry and revocation, and its account (disabled, expired): read
     * afresh on every request, so a revocation stops the key at its next request. A refusal of a known key is
     * audited (DENIED); an accepted key's use is audited once a minute, with its last-use time.
     *
     * @param presented the bearer value as sent
     * @param clientAddress the request's source, as the trail records it
     * @param requestId the request's id, as the trail records it
     */
    KeyAuthentication authenticate(String presented, String clientAddress, String requestId);
}
