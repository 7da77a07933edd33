package org.custodian.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.auth.SecondFactorRule;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class IdentityClaimsTest {

    private static final IdentityClaims.MfaRule MFA = new IdentityClaims.MfaRule(Set.of("gold"), Set.of("otp", "hwk"));

    private static Map<String, Object> keycloakToken() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", "http://localhost:8180/realms/custodian");
        claims.put("sub", "4b1c2d");
        claims.put("preferred_username", "kc-agent");
        claims.put("name", "Kay Agent");
        claims.put("groups", List.of("custodian-agents-eu", "offline_access"));
        claims.put("acr", "1");
        return claims;
    }

    @Test
    void readsTheConfiguredClaims() {
        IdentityClaims identity = IdentityClaims.from(keycloakToken(), "preferred_username", "groups", MFA);
        assertEquals("kc-agent", identity.username());
        assertEquals("4b1c2d", identity.subject());
        assertEquals("http://localhost:8180/realms/custodian", identity.issuer());
        assertEquals("Kay Agent", identity.displayName());
        assertEquals(List.of("custodian-agents-eu", "offline_access"), identity.groups());
        assertFalse(identity.mfa(), "acr 1 is a password");

        Map<String, Object> entra = keycloakToken();
        entra.put("upn", "kay@example.com");
        entra.put("roles", "custodian-privacy");
        IdentityClaims other = IdentityClaims.from(entra, "upn", "roles", MFA);
        assertEquals("kay@example.com", other.username());
        assertEquals(List.of("custodian-privacy"), other.groups(), "a single string counts as one group");
    }

    @Test
    void mfaShowsInAcrOrAmr() {
        Map<String, Object> claims = keycloakToken();
        claims.put("amr", List.of("pwd", "otp"));
        assertTrue(IdentityClaims.from(claims, "preferred_username", "groups", MFA).mfa());
        claims.put("amr", List.of("pwd"));
        claims.put("acr", "gold");
        assertTrue(IdentityClaims.from(claims, "preferred_username", "groups", MFA).mfa());
        claims.put("acr", "silver");
        assertFalse(IdentityClaims.from(claims, "preferred_username", "groups", MFA).mfa());
        claims.put("amr", "otp");
        assertTrue(IdentityClaims.from(claims, "preferred_username", "groups", MFA).mfa());
    }

    @Test
    void refusesTokensThatNameNoUsableUser() {
        Map<String, Object> claims = keycloakToken();
        claims.remove("preferred_username");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> IdentityClaims.from(claims, "preferred_username", "groups", MFA));
        assertTrue(missing.getMessage().contains("custodian.oidc.username-claim"), missing.getMessage());
        claims.put("preferred_username", "x".repeat(65));
        assertThrows(IllegalArgumentException.class, () -> IdentityClaims.from(claims, "preferred_username", "groups",
                MFA));
        claims.put("preferred_username", "nul\u0000byte");
        assertThrows(IllegalArgumentException.class, () -> IdentityClaims.from(claims, "preferred_username", "groups",
                MFA));
        Map<String, Object> noSubject = keycloakToken();
        noSubject.remove("sub");
        assertThrows(IllegalArgumentException.class, () -> IdentityClaims.from(noSubject, "preferred_username",
                "groups", MFA));
    }

    @Test
    void theIdpMustShowMfaForEnrolledUsersAndForSecondFactorRolesWhenRequired() {
        Set<Role> strong = Set.of(Role.PRIVACY_OFFICER, Role.SUPERVISOR);
        SecondFactorRule required = new SecondFactorRule(strong, "required");
        SecondFactorRule whenEnrolled = new SecondFactorRule(strong, "when-enrolled");
        assertTrue(required.idpNeedsMfa(Set.of(Role.PRIVACY_OFFICER), false));
        assertFalse(required.idpNeedsMfa(Set.of(Role.AGENT), false));
        assertFalse(whenEnrolled.idpNeedsMfa(Set.of(Role.PRIVACY_OFFICER), false));
        assertTrue(whenEnrolled.idpNeedsMfa(Set.of(Role.AGENT), true),
                "a bearer token cannot carry our TOTP code: an enrolled user's IdP must vouch for a second factor");
    }
}
