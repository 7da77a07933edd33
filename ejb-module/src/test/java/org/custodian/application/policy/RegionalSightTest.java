package org.custodian.application.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

/** What belongs to a region (an alert, by its ticket) is for the roles of that region and the unbound roles. */
class RegionalSightTest {

    private final PolicyService policy = new DefaultPolicyService();

    private static Caller caller(Role role, Region... regions) {
        return new Caller("someone", Set.of(role), Set.of(regions), "request", null);
    }

    @Test
    void aSupervisorSeesTheAlertsOfTheirRegionsOnly() {
        Caller euSupervisor = caller(Role.SUPERVISOR, Region.EU);
        assertTrue(policy.allowsIn(euSupervisor, Permission.ALERT_READ, Region.EU));
        assertFalse(policy.allowsIn(euSupervisor, Permission.ALERT_READ, Region.US));
        assertFalse(policy.allowsIn(euSupervisor, Permission.ALERT_READ, null), "nor what belongs to no region");
    }

    @Test
    void auditorsAndPrivacyOfficersAreNotBoundToARegion() {
        for (Role role : new Role[] {Role.AUDITOR, Role.PRIVACY_OFFICER}) {
            Caller unbound = caller(role);
            assertTrue(policy.allowsIn(unbound, Permission.ALERT_READ, Region.US), role.name());
            assertTrue(policy.allowsIn(unbound, Permission.ALERT_READ, null), role.name());
        }
    }

    @Test
    void aRegionDoesNotGrantWhatTheRoleLacks() {
        assertFalse(policy.allowsIn(caller(Role.AGENT, Region.EU), Permission.ALERT_READ, Region.EU));
        assertFalse(policy.allowsIn(caller(Role.OPERATOR), Permission.ALERT_READ, null));
    }
}
