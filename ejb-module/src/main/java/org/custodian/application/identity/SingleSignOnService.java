package org.custodian.application.identity;

import org.custodian.application.auth.PasswordChecked;

/**
 * Portal sessions started through the identity provider: the sign-in at the end of the code flow, the registry of
 * such sessions (in the database, so every node sees an ending), a local sign-out and the IdP's back-channel logout.
 */
public interface SingleSignOnService {

    /**
     * A portal sign-in the IdP vouched for ({@link IdentityProviderService#portalSignIn}), registered under a new key
     * the HTTP session keeps.
     */
    SignedIn signIn(AuthorizationCodeFlow.Result result, String requestId, String clientAddress);

    record SignedIn(PasswordChecked checked, String sessionKey) {
    }

    /** Whether the registered session is still open (a back-channel logout ends it): one read by key. */
    boolean isOpen(String sessionKey);

    /** The portal session was signed out or expired here: its row ends too. */
    void ended(String sessionKey, String why);

    /**
     * OpenID Connect Back-Channel Logout: verifies the logout token ({@link ProviderTokens#logoutToken}) and ends
     * every open portal session of its {@code sid} (or, without one, of its {@code sub}) that started before the
     * token was issued; each ending audited ({@code LOGOUT}, {@code channel=idp-backchannel}). Returns how many.
     *
     * @throws TokenRejectedException a bad logout token (400)
     */
    int backChannelLogout(String logoutToken, String requestId, String clientAddress);
}
