package org.custodian.application.identity;

import org.custodian.application.shared.Caller;

/**
 * Turns an identity the corporate IdP vouched for into a caller of ours, from our user store: the API's bearer
 * tokens use it at each request, the portal's code flow will at each sign-in.
 */
public interface IdentityProviderService {

    /**
     * The user this identity stands for: found by the IdP's issuer and subject, else by username (linked then, once);
     * with just-in-time provisioning created if unknown, and their roles and regions updated from their groups (both
     * audited, with before and after). Refused when the user is disabled here ({@link TokenRejectedException}),
     * unknown with pre-provisioning, granted nothing by their groups, or linked to another identity
     * ({@link org.custodian.application.shared.AccessDeniedException}), or lacking a second factor the IdP should
     * have shown ({@link SecondFactorMissingException}).
     */
    Caller signIn(IdentityClaims identity, String requestId, String clientAddress);

    /**
     * The portal's sign-in through the IdP (the code flow's ID token): the same user, mapping and provisioning as
     * {@link #signIn}, refused the same way; then, like a right password, the next step: none when the IdP showed a
     * second factor ({@code acr}/{@code amr}) or none is needed, else our TOTP step or enrollment. Audited as
     * {@code LOGIN} ({@code method=oidc}) when complete, {@code LOGIN_IDENTITY_PROVIDER} when a step follows.
     */
    org.custodian.application.auth.PasswordChecked portalSignIn(IdentityClaims identity, String requestId,
            String clientAddress);
}
