package org.custodian.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class DefaultBearerAuthenticationTest {

    @Test
    void ourTokenGivesTheCallerItsClaimsNameAndNothingUnknown() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("upn", "agent.eu");
        claims.put("groups", List.of("AGENT", "ROOT", "agent"));
        claims.put("region", List.of("EU", "ATLANTIS"));
        Caller caller = DefaultBearerAuthentication.ownCaller(claims, "r1", "10.0.0.1");
        assertEquals("agent.eu", caller.username());
        assertEquals(Set.of(Role.AGENT), caller.roles(), "unknown role names are ignored, never guessed");
        assertEquals(Set.of(Region.EU), caller.regions());
        claims.put("upn", "x".repeat(255));
        assertThrows(TokenRejectedException.class, () -> DefaultBearerAuthentication.ownCaller(claims, "r", null));
        claims.put("upn", "nul\u0000");
        assertThrows(TokenRejectedException.class, () -> DefaultBearerAuthentication.ownCaller(claims, "r", null));
    }

    @Test
    void tokenVersionsInAnyOtherShapeMatchNobody() {
        assertEquals(0, DefaultBearerAuthentication.tokenVersion(null));
        assertEquals(3, DefaultBearerAuthentication.tokenVersion(3L));
        assertEquals(-1, DefaultBearerAuthentication.tokenVersion("3"));
        assertEquals(-1, DefaultBearerAuthentication.tokenVersion(3.5));
        assertEquals(-1, DefaultBearerAuthentication.tokenVersion(1e12));
    }
}
