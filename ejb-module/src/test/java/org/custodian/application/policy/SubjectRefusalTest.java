package org.custodian.application.policy;

import static org.custodian.application.policy.PolicyFixtures.NOW;
import static org.custodian.application.policy.PolicyFixtures.caller;
import static org.custodian.application.policy.PolicyFixtures.context;
import static org.custodian.application.policy.PolicyFixtures.withId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodian.domain.model.access.AccessGrant;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

/** Who may be assigned a ticket (#22): the ticket's own access decision, taken for the assignee, in their words. */
class SubjectRefusalTest {

    private static final ResourceScope EU_NETWORK = new ResourceScope("TICKET", "42", Region.EU, "NETWORK", 42L, 7L);

    private static String why(AccessContext context, ResourceScope scope) {
        return SubjectRefusal.of(context, Permission.TICKET_WRITE, scope);
    }

    @Test
    void peopleWhoWorkTheRegionMayBeAssigned() {
        for (Role role : List.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR)) {
            assertNull(why(context(caller("eva", role, Region.EU)), EU_NETWORK), role.name());
        }
    }

    @Test
    void anAgentOfAnotherRegionIsRefusedNamingTheRegion() {
        assertEquals("cannot work tickets in region EU", why(context(caller("sam", Role.AGENT, Region.US)), EU_NETWORK));
    }

    @Test
    void rolesThatDoNotWorkTicketsAreRefusedNamingTheRoles() {
        assertEquals("cannot work tickets: their roles (AUDITOR) do not allow TICKET_WRITE",
                why(context(caller("ana", Role.AUDITOR)), EU_NETWORK));
        assertEquals("cannot work tickets: their roles (PRIVACY_OFFICER) do not allow TICKET_WRITE",
                why(context(caller("pat", Role.PRIVACY_OFFICER, Region.EU)), EU_NETWORK),
                "reading every ticket is not working them");
    }

    @Test
    void aContractorNeedsAGrantCoveringTheTicket() {
        AccessGrant grant = withId(new AccessGrant("carl", Set.of("NETWORK"), EnumSet.of(Region.EU), null,
                NOW.plus(Duration.ofDays(30)), "VPN outage support for the network team", "sue",
                NOW.minus(Duration.ofDays(1))), 3L);
        AccessContext covered = context(caller("carl", Role.CONTRACTOR, Region.EU), NOW, List.of(), List.of(grant),
                List.of());
        assertNull(why(covered, EU_NETWORK));
        assertEquals("cannot work tickets in region EU of category BILLING: no active access grant of theirs covers"
                + " it", why(covered, new ResourceScope("TICKET", "43", Region.EU, "BILLING", 43L, 7L)));
        assertEquals("cannot work tickets in region EU of category NETWORK: no active access grant of theirs covers"
                + " it", why(context(caller("carl", Role.CONTRACTOR, Region.EU)), EU_NETWORK));
    }

    @Test
    void securityTicketsGoOnlyToSupervisorsOfTheirRegion() {
        ResourceScope alert = new ResourceScope("TICKET", "44", Region.EU, Reserved.SECURITY_CATEGORY, 44L, 7L);
        assertEquals("cannot work tickets of category SECURITY in region EU (only supervisors of that region may)",
                why(context(caller("eva", Role.AGENT, Region.EU)), alert));
        assertNull(why(context(caller("sofia", Role.SUPERVISOR, Region.EU)), alert));
    }

    @Test
    void aRestrictedCustomersTicketIsRefusedSayingWhy() {
        AccessContext agent = new AccessContext(caller("eva", Role.AGENT, Region.EU), PolicyFixtures.defaultPolicy(),
                NOW, List.of(), List.of(), List.of(), DefaultPolicyService.GRANTED_TO, Set.of(7L));
        String why = why(agent, EU_NETWORK);
        assertEquals(true, why.startsWith("cannot work tickets here: processing of this customer's data is"
                + " restricted"), why);
    }
}
