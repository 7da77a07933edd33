package org.custodian.application.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

/** Staff-only (INTERNAL) comments (#23): the staff who work tickets read them; contractors never do. */
class StaffOnlyCommentsTest {

    private final DefaultPolicyService policy = new DefaultPolicyService();

    private static Caller person(Role role) {
        return new Caller("someone", EnumSet.of(role), EnumSet.of(Region.EU), "r1", "192.0.2.1");
    }

    @Test
    void staffReadInternalCommentsContractorsDoNot() {
        for (Role staff : Set.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR, Role.PRIVACY_OFFICER)) {
            assertTrue(policy.allows(person(staff), Permission.COMMENT_INTERNAL_READ), staff.name());
        }
        assertFalse(policy.allows(person(Role.CONTRACTOR), Permission.COMMENT_INTERNAL_READ));
        // a contractor still reads the ticket (within a grant), only not the staff's notes on it
        assertTrue(policy.allows(person(Role.CONTRACTOR), Permission.TICKET_READ));
    }

    @Test
    void aKeyWithTicketsReadSeesThemAsAnAgentWould() {
        Caller key = new Caller("svc:erp/abcdefgh2345", ApiScope.rolesOf(Set.of("tickets:read")), EnumSet.of(Region.EU),
                "r1", "192.0.2.1", Set.of("tickets:read"));
        assertTrue(policy.allows(key, Permission.COMMENT_INTERNAL_READ));
    }
}
