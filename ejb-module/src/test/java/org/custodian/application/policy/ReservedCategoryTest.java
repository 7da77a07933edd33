package org.custodian.application.policy;

import static org.custodian.application.policy.PolicyFixtures.NOW;
import static org.custodian.application.policy.PolicyFixtures.caller;
import static org.custodian.application.policy.PolicyFixtures.context;
import static org.custodian.application.policy.PolicyFixtures.visibilities;
import static org.custodian.application.policy.PolicyFixtures.withId;
import static org.custodian.domain.model.policy.Visibility.FULL;
import static org.custodian.domain.model.policy.Visibility.MASKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.access.AccessGrant;
import org.custodian.domain.model.access.AccessOverride;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.shared.FieldViolation;
import org.junit.jupiter.api.Test;

/** SECURITY tickets (opened by anomaly alerts) are for investigators only, and only the system makes them. */
class ReservedCategoryTest {

    private static final Caller EU_AGENT = caller("alice", Role.AGENT, Region.EU);
    private static final Caller EU_ENGINEER = caller("eddie", Role.ENGINEER, Region.EU);
    private static final Caller EU_SUPERVISOR = caller("sue", Role.SUPERVISOR, Region.EU);
    private static final Caller US_SUPERVISOR = caller("sam", Role.SUPERVISOR, Region.US);
    private static final Caller PRIVACY = caller("petra", Role.PRIVACY_OFFICER, Region.EU);
    private static final Caller CONTRACTOR = caller("carl", Role.CONTRACTOR, Region.EU);

    private static ResourceScope security(long id, Region region) {
        return new ResourceScope("TICKET", String.valueOf(id), region, Reserved.SECURITY_CATEGORY, id);
    }

    private static AccessContext.Outcome decide(Caller caller, Permission permission, ResourceScope scope) {
        return context(caller).decide(permission, scope);
    }

    private static void concealed(AccessContext.Outcome outcome) {
        assertFalse(outcome.allowed());
        assertTrue(outcome.concealed(), "the refusal must not reveal that the ticket exists");
    }

    // --- direct reads and writes ---

    @Test
    void agentsEngineersAndContractorsAreToldNothingOfASecurityTicket() {
        for (Permission permission : List.of(Permission.TICKET_READ, Permission.TICKET_WRITE)) {
            concealed(decide(EU_AGENT, permission, security(9, Region.EU)));
            concealed(decide(EU_ENGINEER, permission, security(9, Region.EU)));
        }
        // even a grant that names the category does not open it
        AccessGrant grant = withId(new AccessGrant("carl", Set.of("SECURITY", "NETWORK"), EnumSet.of(Region.EU),
                null, NOW.plus(Duration.ofDays(10)), "VPN outage support for the network team", "sue",
                NOW.minus(Duration.ofDays(1))), 12);
        AccessContext contractor = context(CONTRACTOR, NOW, List.of(), List.of(grant), List.of());
        concealed(contractor.decide(Permission.TICKET_READ, security(9, Region.EU)));
        assertTrue(contractor.decide(Permission.TICKET_READ,
                new ResourceScope("TICKET", "8", Region.EU, "NETWORK", 8L)).allowed());
    }

    @Test
    void ordinaryRefusalsAreNotConcealed() {
        AccessContext.Outcome outcome = decide(US_SUPERVISOR, Permission.TICKET_WRITE,
                new ResourceScope("TICKET", "8", Region.EU, "NETWORK", 8L));
        assertFalse(outcome.allowed());
        assertFalse(outcome.concealed());
    }

    @Test
    void supervisorsSeeAndHandleSecurityTicketsOfTheirRegionsOnly() {
        AccessContext.Outcome read = decide(EU_SUPERVISOR, Permission.TICKET_READ, security(9, Region.EU));
        assertTrue(read.allowed());
        assertEquals(Basis.OWN_REGION, read.decision().basis());
        assertEquals(visibilities(FULL, FULL, FULL, MASKED), read.decision().visibilities());
        assertTrue(decide(EU_SUPERVISOR, Permission.TICKET_WRITE, security(9, Region.EU)).allowed());

        concealed(decide(US_SUPERVISOR, Permission.TICKET_READ, security(9, Region.EU)));
        concealed(decide(US_SUPERVISOR, Permission.TICKET_WRITE, security(9, Region.EU)));
    }

    @Test
    void aBreakGlassOverrideDoesNotOpenAnotherRegionsSecurityTicket() {
        AccessOverride override = withId(new AccessOverride(9, "sam",
                "Outage INC-77: need the caller's phone to call back", 60, NOW.minusSeconds(60)), 5);
        AccessContext context = context(US_SUPERVISOR, NOW, List.of(), List.of(), List.of(override));
        concealed(context.decide(Permission.TICKET_READ, security(9, Region.EU)));
    }

    @Test
    void privacyOfficersReadSecurityTicketsEverywhere() {
        assertTrue(decide(PRIVACY, Permission.TICKET_READ, security(9, Region.EU)).allowed());
        AccessContext.Outcome elsewhere = decide(PRIVACY, Permission.TICKET_READ, security(9, Region.US));
        assertTrue(elsewhere.allowed());
        // the usual region rule still holds for their personal fields
        assertEquals(Basis.NO_TRANSFER_RULE, elsewhere.decision().basis());
    }

    @Test
    void auditorsStillHaveNoTicketReadAtAll() {
        AccessContext.Outcome outcome = decide(caller("aude", Role.AUDITOR, Region.EU), Permission.TICKET_READ,
                security(9, Region.EU));
        assertFalse(outcome.allowed());
        assertFalse(outcome.concealed());
    }

    @Test
    void aPrivacyOfficerWhoIsAlsoAnAgentReadsButDoesNotChangeThem() {
        Caller both = caller("pat", EnumSet.of(Role.AGENT, Role.PRIVACY_OFFICER), Region.EU);
        assertTrue(decide(both, Permission.TICKET_READ, security(9, Region.EU)).allowed());
        AccessContext.Outcome write = decide(both, Permission.TICKET_WRITE, security(9, Region.EU));
        assertFalse(write.allowed());
        assertFalse(write.concealed());
    }

    // --- searches ---

    @Test
    void agentSearchesLeaveSecurityTicketsOut() {
        List<AccessContext.SearchArea> areas = context(EU_AGENT).searchAreas(Permission.TICKET_READ, null);
        assertEquals(1, areas.size());
        assertEquals(Set.of(Reserved.SECURITY_CATEGORY), areas.get(0).excludedCategories());
    }

    @Test
    void supervisorSearchesIncludeSecurityTicketsOnlyInTheirRegions() {
        Caller twoRegions = caller("sue", Role.SUPERVISOR, Region.EU, Region.UK);
        List<AccessContext.SearchArea> own = context(twoRegions).searchAreas(Permission.TICKET_READ, null);
        assertEquals(1, own.size());
        assertEquals(EnumSet.of(Region.EU, Region.UK), own.get(0).regions());
        assertEquals(Set.of(), own.get(0).excludedCategories());

        List<AccessContext.SearchArea> other = context(twoRegions).searchAreas(Permission.TICKET_READ, Region.US);
        assertEquals(1, other.size());
        assertEquals(Set.of(Reserved.SECURITY_CATEGORY), other.get(0).excludedCategories());
    }

    @Test
    void privacyOfficerSearchesIncludeSecurityTickets() {
        List<AccessContext.SearchArea> areas = context(PRIVACY).searchAreas(Permission.TICKET_READ, Region.US);
        assertEquals(1, areas.size());
        assertEquals(Set.of(), areas.get(0).excludedCategories());
    }

    @Test
    void contractorGrantsLoseTheSecurityCategoryAndAGrantOfOnlyThatCoversNothing() {
        AccessGrant mixed = withId(new AccessGrant("carl", Set.of("SECURITY", "NETWORK"), EnumSet.of(Region.EU),
                null, NOW.plus(Duration.ofDays(10)), "VPN outage support for the network team", "sue",
                NOW.minus(Duration.ofDays(1))), 12);
        AccessGrant onlySecurity = withId(new AccessGrant("carl", Set.of("SECURITY"), EnumSet.of(Region.UK),
                null, NOW.plus(Duration.ofDays(10)), "Forensics support for the security office", "sue",
                NOW.minus(Duration.ofDays(1))), 13);
        AccessContext context = context(CONTRACTOR, NOW, List.of(), List.of(mixed, onlySecurity), List.of());

        List<AccessContext.SearchArea> areas = context.searchAreas(Permission.TICKET_READ, null);
        // an area with no categories would mean "all categories": the SECURITY-only grant must give none
        assertEquals(1, areas.size());
        assertEquals(EnumSet.of(Region.EU), areas.get(0).regions());
        assertEquals(Set.of("NETWORK"), areas.get(0).categories());
    }

    // --- values only the system writes ---

    @Test
    void noCallerSetsTheSecurityCategoryOrTakesItAway() {
        FieldViolation onCreate = Reserved.violation("ticket", "category", null, "SECURITY");
        assertNotNull(onCreate);
        assertEquals("category", onCreate.field());
        assertNotNull(Reserved.violation("ticket", "category", "NETWORK", "SECURITY"));
        assertNotNull(Reserved.violation("ticket", "category", "SECURITY", "NETWORK"));
        assertNull(Reserved.violation("ticket", "category", "SECURITY", "SECURITY"));
        assertNull(Reserved.violation("ticket", "category", null, "NETWORK"));
        assertNull(Reserved.violation("ticket", "category", null, null));
    }

    @Test
    void securityOfficeExternalIdsAreReserved() {
        FieldViolation violation = Reserved.violation("customer", "externalId", null, "SECURITY-EU");
        assertNotNull(violation);
        assertEquals("externalId", violation.field());
        assertNotNull(Reserved.violation("customer", "externalId", null, " security-us"));
        assertNull(Reserved.violation("customer", "externalId", null, "ACME-SECURITY-1"));
        assertNull(Reserved.violation("customer", "externalId", null, null));
        assertEquals("SECURITY-EU", Reserved.securityOfficeId(Region.EU));
    }
}
