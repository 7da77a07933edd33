/**
 * Identities vouched for by a trusted issuer (#22): the corporate identity provider's tokens verified next to our
 * own ({@link org.custodian.application.identity.TrustedIssuers}), their claims mapped to a user of ours
 * ({@link org.custodian.application.identity.GroupMapping}, {@link org.custodian.application.identity.IdentityClaims}),
 * and the user provisioned just in time or required to exist ({@link org.custodian.application.identity.IdentityProviderService}).
 * The portal's code flow reuses the same mapping and provisioning; only the way the token arrives differs.
 */
package org.custodian.application.identity;
