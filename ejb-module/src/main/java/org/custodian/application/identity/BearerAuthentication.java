package org.custodian.application.identity;

import org.custodian.application.shared.Caller;

/**
 * The caller a bearer token stands for, whoever issued it: the API's one way in (and the server-neutral replacement
 * of MicroProfile JWT). Our own tokens carry the caller's roles and are checked against the user's token version;
 * the identity provider's are mapped to a user of ours ({@link IdentityProviderService}).
 */
public interface BearerAuthentication {

    /**
     * @throws TokenRejectedException a 401: not a token of a trusted issuer, failed its checks, or revoked
     * @throws IdentityProviderUnavailableException a 503: the IdP's keys cannot be fetched now
     * @throws org.custodian.application.shared.AccessDeniedException a 403: the IdP vouches for someone who may not
     *         sign in here (see {@link IdentityProviderService#signIn})
     */
    Caller authenticate(String token, String requestId, String clientAddress);

    /** Whether the token verifies, without looking anyone up: to tell "no such resource" from "who are you". */
    boolean verifies(String token);
}
