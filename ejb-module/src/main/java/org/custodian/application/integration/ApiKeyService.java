package org.custodian.application.integration;

/**
 * Authenticates a request that presents an API key ({@code Authorization: Bearer cst_...}; whether a bearer value
 * is one: {@link KeyAuthentication#isApiKey}).
 */
public interface ApiKeyService {

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
