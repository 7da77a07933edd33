package org.custodian.application.identity;

import java.util.Map;

/**
 * A bearer token whose signature, issuer, audience and lifetime checked out.
 *
 * @param own true for this server's own tokens (roles in the token), false for the identity provider's (roles from
 *        the user store, through the group mapping)
 * @param claims the token's claims as Nimbus reads them (arrays as lists, times as dates)
 */
public record VerifiedToken(boolean own, Map<String, Object> claims) {
}
