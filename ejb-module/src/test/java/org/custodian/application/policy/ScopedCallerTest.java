package org.custodian.application.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

/**
 * Service accounts (#22) are decided by the same policy as people: their scopes name the role whose view they get
 * and cut the permissions down to what the scopes name, in every one of the policy's answers.
 */
class ScopedCallerTest {

    private static Caller key(Set<String> scopes, Region... regions) {
        return new Caller("svc:erp/abcdefgh2345", ApiScope.rolesOf(scopes),
                regions.length == 0 ? Set.of() : EnumSet.of(regions[0], regions), "r1", "192.0.2.1", scopes);
    }

    private final DefaultPolicyService policy = new DefaultPolicyService();

    @Test
    void scopesNameRolesAndPermissions() {
        assertEquals(EnumSet.of(Role.AGENT), ApiScope.rolesOf(List.of("tickets:read", "tickets:write")));
        assertEquals(EnumSet.of(Role.AGENT, Role.AUDITOR), ApiScope.rolesOf(List.of("tickets:read", "reports:read")));
        assertEquals(EnumSet.of(Role.USER_ADMIN), ApiScope.rolesOf(List.of("scim")));
        // a client that reads or writes tickets may read the master lists their values come from (#23)
        assertEquals(EnumSet.of(Permission.TICKET_READ, Permission.COMMENT_INTERNAL_READ, Permission.CATALOG_READ),
                ApiScope.permissionsOf(List.of("tickets:read")));
        assertEquals(EnumSet.noneOf(Permission.class), ApiScope.permissionsOf(List.of("tickets:delete")));
        assertTrue(ApiScope.parse(" Tickets:Read ").isPresent());
        // no scope acts as a role that sees personal data in full
        for (ApiScope scope : ApiScope.values()) {
            assertFalse(Set.of(Role.SUPERVISOR, Role.PRIVACY_OFFICER).contains(scope.role()), scope.wireName());
        }
    }

    @Test
    void aReadScopeAllowsReadingOnlyNotWhatTheRoleCouldDoBesides() {
        Caller reader = key(Set.of("tickets:read"), Region.EU);
        assertTrue(policy.allows(reader, Permission.TICKET_READ));
        // an agent may write tickets, read customers, scan for PII and read the policy; this key may not
        assertFalse(policy.allows(reader, Permission.TICKET_WRITE));
        assertFalse(policy.allows(reader, Permission.CUSTOMER_READ));
        assertFalse(policy.allows(reader, Permission.PII_SCAN));
        assertFalse(policy.allows(reader, Permission.POLICY_READ));
        assertTrue(policy.allowsIn(reader, Permission.TICKET_READ, Region.EU));
        assertFalse(policy.allowsIn(reader, Permission.TICKET_READ, Region.US));
        assertFalse(policy.allowsIn(reader, Permission.TICKET_WRITE, Region.EU));
    }

    @Test
    void aScopeNeverGivesMoreThanItsRole() {
        // reports:read acts as AUDITOR: the auditor's permissions outside the scope stay shut, and no ticket data
        Caller reports = key(Set.of("reports:read"));
        assertTrue(policy.allows(reports, Permission.REPORT_READ));
        assertFalse(policy.allows(reports, Permission.AUDIT_EXPORT));
        assertFalse(policy.allows(reports, Permission.TICKET_READ));
    }

    @Test
    void peopleAreNotLimitedByScopes() {
        Caller person = new Caller("agent.eu", Set.of(Role.AGENT), Set.of(Region.EU), "r2", "192.0.2.2");
        assertFalse(person.isScoped());
        assertTrue(policy.allows(person, Permission.TICKET_WRITE));
        assertTrue(policy.allows(person, Permission.PII_SCAN));
        assertEquals(DefaultPolicyService.GRANTED_TO, DefaultPolicyService.grantedTo(person));
    }

    @Test
    void recordDecisionsGiveTheRolesViewAndRefuseWhatTheScopesLeaveOut() {
        Caller reader = key(Set.of("tickets:read"), Region.EU);
        Caller agent = new Caller("agent.eu", Set.of(Role.AGENT), Set.of(Region.EU), "r3", "192.0.2.3");
        ResourceScope ticket = new ResourceScope("TICKET", "7", Region.EU, "NETWORK", 7L);
        AccessContext keyContext = new AccessContext(reader, PolicyFixtures.defaultPolicy(), PolicyFixtures.NOW,
                List.of(), List.of(), List.of(), DefaultPolicyService.grantedTo(reader));
        AccessContext agentContext = PolicyFixtures.context(agent);
        AccessContext.Outcome read = keyContext.decide(Permission.TICKET_READ, ticket);
        assertTrue(read.allowed());
        // exactly the agent's view: CONFIDENTIAL masked, RESTRICTED hidden
        assertEquals(agentContext.decide(Permission.TICKET_READ, ticket).decision().visibilities(),
                read.decision().visibilities());
        assertFalse(keyContext.decide(Permission.TICKET_WRITE, ticket).allowed());
        assertTrue(agentContext.decide(Permission.TICKET_WRITE, ticket).allowed());
        assertFalse(keyContext.rolesAllow(Permission.CUSTOMER_READ));
    }

    @Test
    void aKeyWithoutScopesMayDoNothing() {
        Caller none = key(Set.of());
        assertTrue(none.isScoped());
        for (Permission permission : Permission.values()) {
            assertFalse(policy.allows(none, permission), permission.name());
        }
    }
}
