package org.custodian.application.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.domain.shared.PlainText;

/**
 * Who an identity provider's token says the caller is, read from its claims as configured: the username from
 * {@code custodian.oidc.username-claim} (default {@code preferred_username}), the groups from
 * {@code custodian.oidc.groups-claim} (default {@code groups}), and whether the IdP says a second factor was used.
 * A pure function of the claims: the API and the portal's code flow read a token the same way.
 *
 * @param mfa whether {@code acr} or {@code amr} shows a second factor (see {@link MfaRule})
 */
public record IdentityClaims(String issuer, String subject, String username, String displayName,
        List<String> groups, boolean mfa) {

    /** The longest username the user store holds. */
    static final int MAX_USERNAME = 64;

    /**
     * The acceptable proofs of a second factor: {@code acr} one of {@code acrValues}, or {@code amr} containing one
     * of {@code amrValues} (RFC 8176 names such as {@code mfa}, {@code otp}, {@code hwk}).
     */
    public record MfaRule(Set<String> acrValues, Set<String> amrValues) {

        public boolean shownBy(Object acr, Object amr) {
            if (acr != null && acrValues.contains(String.valueOf(acr))) {
                return true;
            }
            return strings(amr).stream().anyMatch(amrValues::contains);
        }
    }

    /** @throws IllegalArgumentException when the token lacks a subject or a usable username */
    public static IdentityClaims from(Map<String, Object> claims, String usernameClaim, String groupsClaim,
            MfaRule mfaRule) {
        Object subject = claims.get("sub");
        if (!(subject instanceof String sub) || sub.isBlank()) {
            throw new IllegalArgumentException("the token has no subject ('sub')");
        }
        Object name = claims.get(usernameClaim);
        if (!(name instanceof String username) || username.isBlank()) {
            throw new IllegalArgumentException("the token has no '" + usernameClaim
                    + "' claim to name the user (custodian.oidc.username-claim)");
        }
        if (username.length() > MAX_USERNAME || PlainText.refusal(username).isPresent()) {
            throw new IllegalArgumentException("the token's '" + usernameClaim + "' is not a username this server"
                    + " can hold (plain text, at most " + MAX_USERNAME + " characters)");
        }
        Object display = claims.get("name");
        String displayName = display instanceof String text && !text.isBlank() && text.length() <= 200
                && PlainText.refusal(text).isEmpty() ? text : username;
        return new IdentityClaims(String.valueOf(claims.get("iss")), sub, username, displayName,
                List.copyOf(strings(claims.get(groupsClaim))),
                mfaRule.shownBy(claims.get("acr"), claims.get("amr")));
    }

    /** A claim as strings: an array's text items, or a single string. Anything else counts as none. */
    static List<String> strings(Object value) {
        List<String> items = new ArrayList<>();
        if (value instanceof String text) {
            items.add(text);
        } else if (value instanceof Collection<?> collection) {
            collection.stream().filter(String.class::isInstance).map(String.class::cast).forEach(items::add);
        }
        return items;
    }
}
