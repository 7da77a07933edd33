package org.custodian.application.policy;

import static org.custodian.application.policy.PolicyFixtures.NOW;
import static org.custodian.application.policy.PolicyFixtures.caller;
import static org.custodian.application.policy.PolicyFixtures.context;
import static org.custodian.application.policy.PolicyFixtures.defaultPolicyWith;
import static org.custodian.application.policy.PolicyFixtures.visibilities;
import static org.custodian.application.policy.PolicyFixtures.withId;
import static org.custodian.domain.model.policy.Visibility.FULL;
import static org.custodian.domain.model.policy.Visibility.HIDDEN;
import static org.custodian.domain.model.policy.Visibility.MASKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.access.AccessGrant;
import org.custodian.domain.model.access.AccessOverride;
import org.custodian.domain.model.access.TransferBasis;
import org.custodian.domain.model.access.TransferRule;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.Classification;
import org.custodian.domain.model.policy.Visibility;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class AccessContextTest {

    private static final Caller EU_AGENT = caller("alice", Role.AGENT, Region.EU);
    private static final Caller US_AGENT = caller("uma", Role.AGENT, Region.US);
    private static final Caller EU_SUPERVISOR = caller("sue", Role.SUPERVISOR, Region.EU);
    private static final Caller US_SUPERVISOR = caller("sam", Role.SUPERVISOR, Region.US);
    private static final Caller CONTRACTOR = caller("carl", Role.CONTRACTOR, Region.EU);

    private static ResourceScope ticket(long id, Region region, String category) {
        return new ResourceScope("TICKET", String.valueOf(id), region, category, id);
    }

    private static ResourceScope customer(long id, Region region) {
        return new ResourceScope("CUSTOMER", String.valueOf(id), region, null, null);
    }

    private static TransferRule transfer(long id, Region from, Region to) {
        return withId(new TransferRule(from, to, TransferBasis.SCC, "SCCs signed with the other centre", "privacy",
                NOW.minus(Duration.ofDays(10))), id);
    }

    private static AccessGrant grant(long id, Set<String> categories, Set<Region> regions, Instant createdAt,
            Duration length) {
        return withId(new AccessGrant("carl", categories, regions, null, createdAt.plus(length),
                "VPN outage support for the network team", "sue", createdAt), id);
    }

    private static AccessGrant grant(long id, String category, Region region) {
        return grant(id, Set.of(category), EnumSet.of(region), NOW.minus(Duration.ofDays(1)), Duration.ofDays(30));
    }

    private static AccessOverride override(long id, long ticketId, String username, Instant startedAt, int minutes) {
        return withId(new AccessOverride(ticketId, username, "Outage INC-77: need the caller's phone to call back",
                minutes, startedAt), id);
    }

    private static Decision allowed(AccessContext context, Permission permission, ResourceScope scope) {
        AccessContext.Outcome outcome = context.decide(permission, scope);
        assertTrue(outcome.allowed(), () -> "refused: " + outcome.refusal());
        assertNull(outcome.refusal());
        return outcome.decision();
    }

    private static String refused(AccessContext context, Permission permission, ResourceScope scope) {
        AccessContext.Outcome outcome = context.decide(permission, scope);
        assertFalse(outcome.allowed(), () -> "allowed on " + outcome.decision());
        assertNull(outcome.decision());
        return outcome.refusal();
    }

    // --- own region ---

    @Test
    void agentInOwnRegionSeesConfidentialMaskedAndRestrictedHidden() {
        Decision decision = allowed(context(EU_AGENT), Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(Basis.OWN_REGION, decision.basis());
        assertNull(decision.basisId());
        assertEquals("basis=OWN_REGION", decision.basisEntry());
        assertEquals(visibilities(FULL, FULL, MASKED, HIDDEN), decision.visibilities());
    }

    @Test
    void supervisorInOwnRegionSeesConfidentialInFullAndRestrictedMasked() {
        Decision decision = allowed(context(EU_SUPERVISOR), Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(Basis.OWN_REGION, decision.basis());
        assertEquals(visibilities(FULL, FULL, FULL, MASKED), decision.visibilities());
    }

    @Test
    void privacyOfficerInOwnRegionSeesEverything() {
        Caller privacy = caller("petra", Role.PRIVACY_OFFICER, Region.EU);
        Decision decision = allowed(context(privacy), Permission.CUSTOMER_READ, customer(7, Region.EU));

        assertEquals(Basis.OWN_REGION, decision.basis());
        assertEquals(visibilities(FULL, FULL, FULL, FULL), decision.visibilities());
    }

    @Test
    void callerWithSeveralRolesGetsTheWidestViewOfAny() {
        Caller both = caller("ann", EnumSet.of(Role.AGENT, Role.SUPERVISOR), Region.EU);
        Decision decision = allowed(context(both), Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(visibilities(FULL, FULL, FULL, MASKED), decision.visibilities());
    }

    @Test
    void visibilitiesFollowTheMatrixSnapshot() {
        AccessContext context = context(EU_AGENT, defaultPolicyWith(Role.AGENT, Classification.CONFIDENTIAL, HIDDEN),
                NOW, List.of(), List.of(), List.of());
        Decision decision = allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(HIDDEN, decision.visibilities().get(Classification.CONFIDENTIAL));
        assertEquals(HIDDEN, decision.visibilityOf("ticket", "subject"));
        assertEquals(FULL, decision.visibilityOf("ticket", "status"));
    }

    @Test
    void agentMayWriteInOwnRegion() {
        Decision decision = allowed(context(EU_AGENT), Permission.TICKET_WRITE, ticket(42, Region.EU, "NETWORK"));
        assertEquals(Basis.OWN_REGION, decision.basis());
    }

    // --- other regions and transfer rules ---

    @Test
    void readingAnotherRegionWithoutTransferRuleWithholdsPersonalData() {
        Decision decision = allowed(context(US_AGENT), Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(Basis.NO_TRANSFER_RULE, decision.basis());
        assertNull(decision.basisId());
        assertEquals(visibilities(FULL, FULL, HIDDEN, HIDDEN), decision.visibilities());
    }

    @Test
    void readingACustomerOfAnotherRegionWithoutTransferRuleWithholdsPersonalData() {
        Decision decision = allowed(context(US_SUPERVISOR), Permission.CUSTOMER_READ, customer(7, Region.EU));

        assertEquals(Basis.NO_TRANSFER_RULE, decision.basis());
        assertEquals(visibilities(FULL, FULL, HIDDEN, HIDDEN), decision.visibilities());
    }

    @Test
    void activeTransferRuleIntoTheCallersRegionAppliesTheMatrix() {
        AccessContext context = context(US_AGENT, NOW, List.of(transfer(7, Region.EU, Region.US)), List.of(),
                List.of());
        Decision decision = allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(Basis.TRANSFER_RULE, decision.basis());
        assertEquals(7L, decision.basisId());
        assertEquals("basis=TRANSFER_RULE#7", decision.basisEntry());
        assertEquals(visibilities(FULL, FULL, MASKED, HIDDEN), decision.visibilities());
    }

    @Test
    void transferRuleGivesASupervisorTheirOwnMatrixRow() {
        AccessContext context = context(US_SUPERVISOR, NOW, List.of(transfer(7, Region.EU, Region.US)), List.of(),
                List.of());
        Decision decision = allowed(context, Permission.CUSTOMER_READ, customer(3, Region.EU));

        assertEquals(Basis.TRANSFER_RULE, decision.basis());
        assertEquals(visibilities(FULL, FULL, FULL, MASKED), decision.visibilities());
    }

    @Test
    void transferRuleWorksOneWayAndOnlyForItsRegions() {
        AccessContext context = context(US_AGENT, NOW,
                List.of(transfer(7, Region.US, Region.EU), transfer(8, Region.EU, Region.UK)), List.of(), List.of());
        Decision decision = allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(Basis.NO_TRANSFER_RULE, decision.basis());
        assertEquals(visibilities(FULL, FULL, HIDDEN, HIDDEN), decision.visibilities());
    }

    @Test
    void matchingRuleIsFoundAmongOthers() {
        AccessContext context = context(US_AGENT, NOW,
                List.of(transfer(7, Region.US, Region.EU), transfer(9, Region.EU, Region.US)), List.of(), List.of());
        assertEquals(9L, allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK")).basisId());
    }

    @Test
    void revokedTransferRuleCountsForNothing() {
        TransferRule rule = transfer(7, Region.EU, Region.US);
        rule.revoke("privacy", NOW.minusSeconds(60));
        AccessContext context = context(US_AGENT, NOW, List.of(rule), List.of(), List.of());
        Decision decision = allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(Basis.NO_TRANSFER_RULE, decision.basis());
        assertNull(decision.basisId());
        assertEquals(visibilities(FULL, FULL, HIDDEN, HIDDEN), decision.visibilities());
    }

    @Test
    void writingInAnotherRegionIsRefused() {
        String why = refused(context(US_AGENT), Permission.TICKET_WRITE, ticket(42, Region.EU, "NETWORK"));
        assertTrue(why.contains("region EU"), why);
        assertTrue(why.contains("[US]"), why);
    }

    @Test
    void transferRuleDoesNotAllowWritingInAnotherRegion() {
        AccessContext context = context(US_SUPERVISOR, NOW, List.of(transfer(7, Region.EU, Region.US)), List.of(),
                List.of());
        refused(context, Permission.TICKET_WRITE, ticket(42, Region.EU, "NETWORK"));
        refused(context, Permission.CUSTOMER_WRITE, customer(3, Region.EU));
    }

    // --- roles without access ---

    @Test
    void operatorsAndAuditorsSeeNoTickets() {
        String why = refused(context(caller("otto", Role.OPERATOR, Region.EU)), Permission.TICKET_READ,
                ticket(42, Region.EU, "NETWORK"));
        assertEquals("your roles (OPERATOR) do not allow TICKET_READ", why);
        assertEquals("your roles (AUDITOR) do not allow TICKET_READ",
                refused(context(caller("aude", Role.AUDITOR, Region.EU)), Permission.TICKET_READ,
                        ticket(42, Region.EU, "NETWORK")));
        refused(context(caller("aude", Role.AUDITOR, Region.EU)), Permission.CUSTOMER_READ, customer(3, Region.EU));
    }

    @Test
    void callerWithoutRolesIsRefused() {
        refused(context(caller("nobody", EnumSet.noneOf(Role.class), Region.EU)), Permission.TICKET_READ,
                ticket(42, Region.EU, "NETWORK"));
    }

    @Test
    void agentMayNotVerifyTheAuditChain() {
        refused(context(EU_AGENT), Permission.AUDIT_VERIFY, ticket(42, Region.EU, "NETWORK"));
    }

    // --- contractors ---

    @Test
    void contractorWithoutGrantSeesNothing() {
        String why = refused(context(CONTRACTOR), Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));
        assertEquals("you have no active access grant (contractors see nothing without one)", why);
    }

    @Test
    void contractorWithCoveringGrantReadsUnderTheGrant() {
        AccessContext context = context(CONTRACTOR, NOW, List.of(), List.of(grant(12, "NETWORK", Region.EU)),
                List.of());
        Decision decision = allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(Basis.GRANT, decision.basis());
        assertEquals(12L, decision.basisId());
        assertEquals("basis=GRANT#12", decision.basisEntry());
        assertEquals(visibilities(FULL, FULL, MASKED, HIDDEN), decision.visibilities());
    }

    @Test
    void contractorWithCoveringGrantMayWriteTheTicket() {
        AccessContext context = context(CONTRACTOR, NOW, List.of(), List.of(grant(12, "NETWORK", Region.EU)),
                List.of());
        Decision decision = allowed(context, Permission.TICKET_WRITE, ticket(42, Region.EU, "NETWORK"));
        assertEquals(Basis.GRANT, decision.basis());
        assertEquals(12L, decision.basisId());
    }

    @Test
    void theGrantThatCoversIsTheBasis() {
        AccessContext context = context(CONTRACTOR, NOW, List.of(),
                List.of(grant(12, "BACKUP", Region.EU), grant(13, "NETWORK", Region.EU)), List.of());
        assertEquals(13L, allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK")).basisId());
        assertEquals(12L, allowed(context, Permission.TICKET_READ, ticket(43, Region.EU, "BACKUP")).basisId());
    }

    @Test
    void grantForAnotherCategoryOrRegionDoesNotCover() {
        AccessContext context = context(CONTRACTOR, NOW, List.of(), List.of(grant(12, "BACKUP", Region.EU)),
                List.of());
        String why = refused(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));
        assertEquals("none of your active access grants covers this ticket", why);
        refused(context, Permission.TICKET_READ, ticket(43, Region.UK, "BACKUP"));
    }

    @Test
    void expiredGrantCoversNothing() {
        Instant granted = NOW.minus(Duration.ofDays(10));
        AccessGrant expired = grant(12, Set.of("NETWORK"), EnumSet.of(Region.EU), granted, Duration.ofDays(2));
        AccessContext context = context(CONTRACTOR, NOW, List.of(), List.of(expired), List.of());

        String why = refused(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));
        assertTrue(why.startsWith("none of your active access grants covers"), why);
    }

    @Test
    void grantExpiresAtItsExpiryInstant() {
        AccessGrant grant = grant(12, Set.of("NETWORK"), EnumSet.of(Region.EU), NOW, Duration.ofHours(8));
        ResourceScope scope = ticket(42, Region.EU, "NETWORK");
        Instant expiry = NOW.plus(Duration.ofHours(8));

        allowed(context(CONTRACTOR, expiry.minusMillis(1), List.of(), List.of(grant), List.of()),
                Permission.TICKET_READ, scope);
        refused(context(CONTRACTOR, expiry, List.of(), List.of(grant), List.of()), Permission.TICKET_READ, scope);
    }

    @Test
    void revokedGrantCoversNothing() {
        AccessGrant grant = grant(12, "NETWORK", Region.EU);
        grant.revoke("sue", "outage over, access no longer needed", NOW.minusSeconds(1));
        AccessContext context = context(CONTRACTOR, NOW, List.of(), List.of(grant), List.of());

        refused(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));
    }

    @Test
    void grantsDoNotCoverCustomersOrCustomerReads() {
        AccessContext context = context(CONTRACTOR, NOW, List.of(), List.of(grant(12, "NETWORK", Region.EU)),
                List.of());
        assertEquals("your roles (CONTRACTOR) do not allow CUSTOMER_READ",
                refused(context, Permission.CUSTOMER_READ, customer(3, Region.EU)));
        // a ticket scope without a category (a search over a region) is never covered by decide alone
        refused(context, Permission.TICKET_READ, new ResourceScope("TICKET", null, Region.EU, null, null));
    }

    @Test
    void contractorGrantOutsideTheirOwnRegionWithholdsPersonalDataWithoutTransferRule() {
        AccessContext context = context(CONTRACTOR, NOW, List.of(), List.of(grant(12, "NETWORK", Region.US)),
                List.of());
        Decision decision = allowed(context, Permission.TICKET_READ, ticket(42, Region.US, "NETWORK"));

        assertEquals(Basis.GRANT, decision.basis());
        assertEquals(visibilities(FULL, FULL, HIDDEN, HIDDEN), decision.visibilities());
    }

    @Test
    void contractorWhoAlsoHasAnAgentRoleActsAsAgent() {
        Caller both = caller("carla", EnumSet.of(Role.CONTRACTOR, Role.AGENT), Region.EU);
        Decision decision = allowed(context(both), Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));
        assertEquals(Basis.OWN_REGION, decision.basis());
    }

    @Test
    void overrideDoesNotStandInForAContractorsGrant() {
        AccessContext context = context(CONTRACTOR, NOW, List.of(), List.of(),
                List.of(override(5, 42, "carl", NOW.minusSeconds(60), 60)));
        refused(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));
    }

    // --- break-glass ---

    @Test
    void overrideOpensTheTicketOutOfRegionWithConfidentialInFullAndRestrictedMasked() {
        AccessContext context = context(US_SUPERVISOR, NOW, List.of(), List.of(),
                List.of(override(5, 42, "sam", NOW.minusSeconds(60), 60)));
        Decision decision = allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(Basis.BREAK_GLASS, decision.basis());
        assertEquals(5L, decision.basisId());
        assertEquals("basis=BREAK_GLASS#5", decision.basisEntry());
        assertEquals(visibilities(FULL, FULL, FULL, MASKED), decision.visibilities());
    }

    @Test
    void overrideShowsConfidentialInFullEvenWhereTheMatrixHidesIt() {
        AccessContext context = context(US_SUPERVISOR,
                defaultPolicyWith(Role.SUPERVISOR, Classification.CONFIDENTIAL, HIDDEN), NOW, List.of(), List.of(),
                List.of(override(5, 42, "sam", NOW.minusSeconds(60), 60)));
        Decision decision = allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(FULL, decision.visibilities().get(Classification.CONFIDENTIAL));
    }

    @Test
    void overrideNeverRevealsRestrictedDataTheMatrixHides() {
        AccessContext context = context(US_SUPERVISOR,
                defaultPolicyWith(Role.SUPERVISOR, Classification.RESTRICTED, HIDDEN), NOW, List.of(), List.of(),
                List.of(override(5, 42, "sam", NOW.minusSeconds(60), 60)));
        Decision decision = allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(Basis.BREAK_GLASS, decision.basis());
        assertEquals(visibilities(FULL, FULL, FULL, HIDDEN), decision.visibilities());
    }

    @Test
    void overrideCapsRestrictedAtMaskedEvenWhereTheMatrixShowsItInFull() {
        AccessContext context = context(US_SUPERVISOR,
                defaultPolicyWith(Role.SUPERVISOR, Classification.RESTRICTED, FULL), NOW, List.of(), List.of(),
                List.of(override(5, 42, "sam", NOW.minusSeconds(60), 60)));
        Decision decision = allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        // out of region without a transfer rule, only the override opens the ticket: capped
        assertEquals(MASKED, decision.visibilities().get(Classification.RESTRICTED));
    }

    @Test
    void overrideNeverNarrowsWhatTheCallerSeesWithoutIt() {
        Caller supervisorAndPrivacy = caller("pat", EnumSet.of(Role.SUPERVISOR, Role.PRIVACY_OFFICER), Region.EU);
        ResourceScope scope = ticket(42, Region.EU, "NETWORK");
        Decision without = allowed(context(supervisorAndPrivacy), Permission.TICKET_READ, scope);
        assertEquals(FULL, without.visibilities().get(Classification.RESTRICTED));

        AccessContext withOverride = context(supervisorAndPrivacy, NOW, List.of(), List.of(),
                List.of(override(5, 42, "pat", NOW.minusSeconds(60), 60)));
        Decision with = allowed(withOverride, Permission.TICKET_READ, scope);

        for (Classification classification : Classification.values()) {
            Visibility before = without.visibilities().get(classification);
            Visibility after = with.visibilities().get(classification);
            assertEquals(before, Visibility.narrowest(before, after),
                    classification + " went from " + before + " to " + after + " under the override");
        }
        assertEquals(Basis.OWN_REGION, with.basis(), "an override that reveals nothing more is not named");
    }

    @Test
    void overrideForAnotherTicketDoesNothing() {
        AccessContext context = context(US_SUPERVISOR, NOW, List.of(), List.of(),
                List.of(override(5, 41, "sam", NOW.minusSeconds(60), 60)));
        Decision decision = allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(Basis.NO_TRANSFER_RULE, decision.basis());
        assertEquals(visibilities(FULL, FULL, HIDDEN, HIDDEN), decision.visibilities());
    }

    @Test
    void expiredOverrideGivesNothing() {
        AccessOverride expired = override(5, 42, "sam", NOW.minus(Duration.ofHours(2)), 60);
        AccessContext context = context(US_SUPERVISOR, NOW, List.of(), List.of(), List.of(expired));
        Decision decision = allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(Basis.NO_TRANSFER_RULE, decision.basis());
        assertNull(decision.basisId());
        assertEquals(visibilities(FULL, FULL, HIDDEN, HIDDEN), decision.visibilities());
    }

    @Test
    void overrideEndsAtItsExpiryInstant() {
        AccessOverride override = override(5, 42, "sam", NOW, 30);
        ResourceScope scope = ticket(42, Region.EU, "NETWORK");
        Instant expiry = NOW.plus(Duration.ofMinutes(30));

        assertEquals(Basis.BREAK_GLASS, allowed(context(US_SUPERVISOR, expiry.minusMillis(1), List.of(), List.of(),
                List.of(override)), Permission.TICKET_READ, scope).basis());
        assertEquals(Basis.NO_TRANSFER_RULE, allowed(context(US_SUPERVISOR, expiry, List.of(), List.of(),
                List.of(override)), Permission.TICKET_READ, scope).basis());
    }

    @Test
    void overrideDoesNotAllowWriting() {
        AccessContext context = context(US_SUPERVISOR, NOW, List.of(), List.of(),
                List.of(override(5, 42, "sam", NOW.minusSeconds(60), 60)));
        refused(context, Permission.TICKET_WRITE, ticket(42, Region.EU, "NETWORK"));
    }

    @Test
    void overrideTakesPrecedenceOverATransferRuleAsTheRecordedBasis() {
        AccessContext context = context(US_AGENT, NOW, List.of(transfer(7, Region.EU, Region.US)), List.of(),
                List.of(override(5, 42, "uma", NOW.minusSeconds(60), 60)));
        Decision decision = allowed(context, Permission.TICKET_READ, ticket(42, Region.EU, "NETWORK"));

        assertEquals(Basis.BREAK_GLASS, decision.basis());
        assertEquals(5L, decision.basisId());
        // the agent's matrix row hides RESTRICTED: the cap cannot widen it
        assertEquals(visibilities(FULL, FULL, FULL, HIDDEN), decision.visibilities());
    }

    // --- search areas ---

    @Test
    void searchCoversTheCallersRegionsInOneAreaWhenTheySeeTheSameThings() {
        Caller twoRegions = caller("alice", Role.AGENT, Region.EU, Region.UK);
        List<AccessContext.SearchArea> areas = context(twoRegions).searchAreas(Permission.TICKET_READ, null);

        assertEquals(1, areas.size());
        AccessContext.SearchArea area = areas.get(0);
        assertEquals(EnumSet.of(Region.EU, Region.UK), area.regions());
        assertEquals(Set.of(), area.categories());
        assertEquals(Basis.OWN_REGION, area.decision().basis());
        assertEquals(visibilities(FULL, FULL, MASKED, HIDDEN), area.decision().visibilities());
    }

    @Test
    void searchHonoursARequestedOwnRegion() {
        Caller twoRegions = caller("alice", Role.AGENT, Region.EU, Region.UK);
        List<AccessContext.SearchArea> areas = context(twoRegions).searchAreas(Permission.TICKET_READ, Region.UK);

        assertEquals(1, areas.size());
        assertEquals(EnumSet.of(Region.UK), areas.get(0).regions());
        assertEquals(Basis.OWN_REGION, areas.get(0).decision().basis());
    }

    @Test
    void searchOfAnotherRegionWithoutTransferRuleWithholdsPersonalData() {
        List<AccessContext.SearchArea> areas = context(US_AGENT).searchAreas(Permission.TICKET_READ, Region.EU);

        assertEquals(1, areas.size());
        assertEquals(EnumSet.of(Region.EU), areas.get(0).regions());
        assertEquals(Basis.NO_TRANSFER_RULE, areas.get(0).decision().basis());
        assertEquals(visibilities(FULL, FULL, HIDDEN, HIDDEN), areas.get(0).decision().visibilities());
    }

    @Test
    void searchOfAnotherRegionUnderATransferRuleAppliesTheMatrix() {
        AccessContext context = context(US_AGENT, NOW, List.of(transfer(7, Region.EU, Region.US)), List.of(),
                List.of());
        List<AccessContext.SearchArea> areas = context.searchAreas(Permission.TICKET_READ, Region.EU);

        assertEquals(1, areas.size());
        assertEquals(Basis.TRANSFER_RULE, areas.get(0).decision().basis());
        assertEquals(7L, areas.get(0).decision().basisId());
        assertEquals(visibilities(FULL, FULL, MASKED, HIDDEN), areas.get(0).decision().visibilities());
    }

    @Test
    void overridesDoNotWidenSearches() {
        AccessContext context = context(US_SUPERVISOR, NOW, List.of(), List.of(),
                List.of(override(5, 42, "sam", NOW.minusSeconds(60), 60)));
        List<AccessContext.SearchArea> areas = context.searchAreas(Permission.TICKET_READ, Region.EU);

        assertEquals(1, areas.size());
        assertEquals(Basis.NO_TRANSFER_RULE, areas.get(0).decision().basis());
        assertEquals(HIDDEN, areas.get(0).decision().visibilities().get(Classification.CONFIDENTIAL));
    }

    @Test
    void rolesWithoutTheRightSearchNothing() {
        assertEquals(List.of(), context(caller("otto", Role.OPERATOR, Region.EU))
                .searchAreas(Permission.TICKET_READ, null));
        assertEquals(List.of(), context(caller("aude", Role.AUDITOR, Region.EU))
                .searchAreas(Permission.TICKET_READ, Region.EU));
    }

    @Test
    void contractorWithoutGrantSearchesNothing() {
        assertEquals(List.of(), context(CONTRACTOR).searchAreas(Permission.TICKET_READ, null));
        assertEquals(List.of(), context(CONTRACTOR).searchAreas(Permission.TICKET_READ, Region.EU));
    }

    @Test
    void contractorSearchIsLimitedToTheRegionsAndCategoriesOfEachGrant() {
        AccessGrant network = grant(12, Set.of("NETWORK", "BACKUP"), EnumSet.of(Region.EU, Region.UK),
                NOW.minus(Duration.ofDays(1)), Duration.ofDays(30));
        AccessGrant email = grant(13, Set.of("EMAIL"), EnumSet.of(Region.EU), NOW.minus(Duration.ofDays(1)),
                Duration.ofDays(30));
        AccessContext context = context(CONTRACTOR, NOW, List.of(), List.of(network, email), List.of());

        List<AccessContext.SearchArea> areas = context.searchAreas(Permission.TICKET_READ, null);

        assertEquals(3, areas.size());
        assertEquals(EnumSet.of(Region.EU), areas.get(0).regions());
        assertEquals(Set.of("BACKUP", "NETWORK"), areas.get(0).categories());
        assertEquals(Basis.GRANT, areas.get(0).decision().basis());
        assertEquals(12L, areas.get(0).decision().basisId());
        assertEquals(visibilities(FULL, FULL, MASKED, HIDDEN), areas.get(0).decision().visibilities());

        assertEquals(EnumSet.of(Region.UK), areas.get(1).regions());
        assertEquals(Set.of("BACKUP", "NETWORK"), areas.get(1).categories());
        assertEquals(12L, areas.get(1).decision().basisId());
        // UK is not the contractor's region and no transfer rule lets EU users read it
        assertEquals(visibilities(FULL, FULL, HIDDEN, HIDDEN), areas.get(1).decision().visibilities());

        assertEquals(EnumSet.of(Region.EU), areas.get(2).regions());
        assertEquals(Set.of("EMAIL"), areas.get(2).categories());
        assertEquals(13L, areas.get(2).decision().basisId());
    }

    @Test
    void contractorSearchOfARequestedRegionKeepsOnlyGrantsForIt() {
        AccessGrant network = grant(12, Set.of("NETWORK"), EnumSet.of(Region.EU, Region.UK),
                NOW.minus(Duration.ofDays(1)), Duration.ofDays(30));
        AccessGrant email = grant(13, Set.of("EMAIL"), EnumSet.of(Region.EU), NOW.minus(Duration.ofDays(1)),
                Duration.ofDays(30));
        AccessContext context = context(CONTRACTOR, NOW, List.of(), List.of(network, email), List.of());

        List<AccessContext.SearchArea> uk = context.searchAreas(Permission.TICKET_READ, Region.UK);
        assertEquals(1, uk.size());
        assertEquals(EnumSet.of(Region.UK), uk.get(0).regions());
        assertEquals(Set.of("NETWORK"), uk.get(0).categories());

        assertEquals(List.of(), context.searchAreas(Permission.TICKET_READ, Region.US));
    }

    // --- role checks used by the service ---

    @Test
    void contractorsActOnlyAsContractorsWhereTheirRoleIsListed() {
        AccessContext contractor = context(CONTRACTOR);
        assertTrue(contractor.onlyAsContractor(Permission.TICKET_READ));
        assertTrue(contractor.onlyAsContractor(Permission.TICKET_WRITE));
        assertFalse(contractor.rolesAllow(Permission.TICKET_READ));
        assertFalse(contractor.onlyAsContractor(Permission.CUSTOMER_READ));
        assertFalse(contractor.rolesAllow(Permission.CUSTOMER_READ));

        AccessContext agent = context(EU_AGENT);
        assertTrue(agent.rolesAllow(Permission.TICKET_READ));
        assertFalse(agent.onlyAsContractor(Permission.TICKET_READ));
        assertFalse(agent.rolesAllow(Permission.BREAK_GLASS));
    }

    @Test
    void aRestrictedCustomerIsRefusedToEveryoneButPrivacyOfficersAndLeftOutOfTheirSearches() {
        Caller privacy = caller("pia", Role.PRIVACY_OFFICER, Region.EU);
        Caller supervisor = caller("sam", Role.SUPERVISOR, Region.EU);
        ResourceScope restrictedTicket = new ResourceScope("TICKET", "5", Region.EU, "BILLING", 5L, 7L);
        ResourceScope otherTicket = new ResourceScope("TICKET", "6", Region.EU, "BILLING", 6L, 8L);
        for (Caller caller : List.of(EU_AGENT, supervisor)) {
            AccessContext context = new AccessContext(caller, PolicyFixtures.defaultPolicy(), NOW, List.of(),
                    List.of(), List.of(), DefaultPolicyService.GRANTED_TO, Set.of(7L));
            AccessContext.Outcome refused = context.decide(Permission.TICKET_READ, restrictedTicket);
            assertFalse(refused.allowed());
            assertTrue(refused.refusal().contains("Art. 18"), refused.refusal());
            assertFalse(context.decide(Permission.TICKET_WRITE, restrictedTicket).allowed());
            assertFalse(context.decide(Permission.CUSTOMER_READ,
                    new ResourceScope("CUSTOMER", "7", Region.EU, null, null, 7L)).allowed());
            assertTrue(context.decide(Permission.TICKET_READ, otherTicket).allowed());
            assertEquals(Set.of(7L), context.hiddenCustomers());
        }
        AccessContext officer = new AccessContext(privacy, PolicyFixtures.defaultPolicy(), NOW, List.of(), List.of(),
                List.of(), DefaultPolicyService.GRANTED_TO, Set.of(7L));
        assertTrue(officer.decide(Permission.TICKET_READ, restrictedTicket).allowed());
        assertEquals(Set.of(), officer.hiddenCustomers());
    }
}
