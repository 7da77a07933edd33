package org.custodian.domain.model.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.retention.RetentionDecision.Outcome;
import org.custodian.domain.model.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

class RetentionDecisionTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(400));

    private static <T> T withId(T entity, long id) throws ReflectiveOperationException {
        Field field = entity.getClass().getDeclaredField("id");
        field.setAccessible(true);
        field.set(entity, id);
        return entity;
    }

    private static RetentionPolicy policy(long id, Set<String> categories, Set<Region> regions, RetentionClock clock,
            int days, RetentionAction action) throws ReflectiveOperationException {
        return withId(new RetentionPolicy("Policy " + id, categories, regions, clock, days, action,
                "Unit test retention rule", "privacy", LONG_AGO), id);
    }

    private static RetentionSubject ticket(long id, long customer, String category, Region region,
            TicketStatus status, Instant resolvedAt, Instant anonymizedAt) {
        return new RetentionSubject(id, customer, category, region, status, LONG_AGO, LONG_AGO, resolvedAt,
                anonymizedAt);
    }

    private static RetentionSubject closed(long id, String category, Region region) {
        return ticket(id, 7, category, region, TicketStatus.CLOSED, LONG_AGO, null);
    }

    @Test
    void theMostSpecificPolicyDecides() throws Exception {
        List<RetentionPolicy> policies = List.of(
                policy(1, Set.of(), Set.of(), RetentionClock.AFTER_CLOSURE, 30, RetentionAction.ANONYMIZE),
                policy(2, Set.of("BILLING"), Set.of(), RetentionClock.AFTER_CLOSURE, 30, RetentionAction.DELETE),
                policy(3, Set.of(), Set.of(Region.US), RetentionClock.AFTER_CLOSURE, 30, RetentionAction.DELETE),
                policy(4, Set.of("BILLING"), Set.of(Region.EU), RetentionClock.AFTER_CLOSURE, 30,
                        RetentionAction.ANONYMIZE));
        assertEquals(new RetentionDecision(Outcome.ANONYMIZE, 4L, null, LONG_AGO.plus(Duration.ofDays(30))),
                RetentionDecision.decide(closed(1, "BILLING", Region.EU), policies, List.of(), NOW));
        assertEquals(2L, RetentionDecision.decide(closed(2, "BILLING", Region.US), policies, List.of(), NOW)
                .policyId(), "category beats region");
        assertEquals(3L, RetentionDecision.decide(closed(3, "NETWORK", Region.US), policies, List.of(), NOW)
                .policyId());
        assertEquals(1L, RetentionDecision.decide(closed(4, "NETWORK", Region.EU), policies, List.of(), NOW)
                .policyId());
    }

    @Test
    void openTicketsAndTicketsWithinTheirPeriodAreKept() throws Exception {
        List<RetentionPolicy> closure = List.of(
                policy(1, Set.of(), Set.of(), RetentionClock.AFTER_CLOSURE, 30, RetentionAction.DELETE));
        assertEquals(Outcome.KEEP, RetentionDecision.decide(ticket(1, 7, "X", Region.EU, TicketStatus.OPEN, null,
                null), closure, List.of(), NOW).outcome(), "an open ticket has no closure to count from");
        assertEquals(Outcome.KEEP, RetentionDecision.decide(ticket(2, 7, "X", Region.EU, TicketStatus.CLOSED,
                NOW.minus(Duration.ofDays(29)), null), closure, List.of(), NOW).outcome());
        assertEquals(Outcome.DELETE, RetentionDecision.decide(ticket(3, 7, "X", Region.EU, TicketStatus.CLOSED,
                NOW.minus(Duration.ofDays(30)), null), closure, List.of(), NOW).outcome(), "due on the day");
        List<RetentionPolicy> activity = List.of(
                policy(2, Set.of(), Set.of(), RetentionClock.AFTER_LAST_ACTIVITY, 30, RetentionAction.ANONYMIZE));
        assertEquals(Outcome.ANONYMIZE, RetentionDecision.decide(ticket(4, 7, "X", Region.EU, TicketStatus.OPEN,
                null, null), activity, List.of(), NOW).outcome());
        assertEquals(Outcome.KEEP, RetentionDecision.decide(ticket(5, 7, "X", Region.EU, TicketStatus.OPEN, null,
                NOW.minus(Duration.ofDays(1))), activity, List.of(), NOW).outcome(), "anonymized once only");
        assertEquals(Outcome.KEEP, RetentionDecision.decide(closed(6, "X", Region.EU), List.of(), List.of(), NOW)
                .outcome(), "no policy, nothing happens");
    }

    @Test
    void holdsOnTicketCustomerAndQueryEachBlockAndReleasedOnesDoNot() throws Exception {
        List<RetentionPolicy> policies = List.of(
                policy(1, Set.of(), Set.of(), RetentionClock.AFTER_CLOSURE, 30, RetentionAction.DELETE));
        LegalHold onTicket = withId(LegalHold.onTicket(11, "Dispute with a supplier", "Case 1", "privacy", NOW), 100L);
        LegalHold onCustomer = withId(LegalHold.onCustomer(99, "Regulator inquiry", "ICO 8", "privacy", NOW), 101L);
        LegalHold onQuery = withId(LegalHold.onQuery(Set.of("BILLING"), Set.of(Region.US), LONG_AGO.minusSeconds(1),
                LONG_AGO.plusSeconds(1), "Litigation hold for US", "Court 5", "privacy", NOW), 102L);
        List<LegalHold> holds = List.of(onTicket, onCustomer, onQuery);

        RetentionDecision byTicket = RetentionDecision.decide(closed(11, "X", Region.EU), policies, holds, NOW);
        assertEquals(Outcome.HOLD, byTicket.outcome());
        assertEquals(100L, byTicket.holdId());
        assertEquals(101L, RetentionDecision.decide(ticket(12, 99, "X", Region.EU, TicketStatus.CLOSED, LONG_AGO,
                null), policies, holds, NOW).holdId());
        assertEquals(102L, RetentionDecision.decide(closed(13, "BILLING", Region.US), policies, holds, NOW)
                .holdId());
        assertEquals(Outcome.DELETE, RetentionDecision.decide(closed(14, "BILLING", Region.EU), policies, holds, NOW)
                .outcome(), "the query hold is for US only");
        RetentionDecision notHeld = RetentionDecision.decide(closed(15, "NETWORK", Region.US), policies, holds,
                NOW);
        assertEquals(Outcome.DELETE, notHeld.outcome());
        assertNull(notHeld.holdId());

        onTicket.release("privacy", "Case closed by the court", NOW);
        assertEquals(Outcome.DELETE, RetentionDecision.decide(closed(11, "X", Region.EU), policies, holds, NOW)
                .outcome(), "a released hold no longer blocks");
    }

    @Test
    void aRestrictedCustomersTicketsAreLeftAloneAndAHoldStillNamesItself() throws Exception {
        List<RetentionPolicy> policies = List.of(
                policy(1, Set.of(), Set.of(), RetentionClock.AFTER_CLOSURE, 30, RetentionAction.DELETE));
        RetentionSubject ofRestricted = ticket(21, 77, "X", Region.EU, TicketStatus.CLOSED, LONG_AGO, null);
        assertEquals(Outcome.RESTRICTED, RetentionDecision.decide(ofRestricted, policies, List.of(), Set.of(77L), NOW)
                .outcome());
        assertEquals(Outcome.DELETE, RetentionDecision.decide(ofRestricted, policies, List.of(), Set.of(78L), NOW)
                .outcome());
        LegalHold onCustomer = withId(LegalHold.onCustomer(77, "Regulator inquiry", "ICO 9", "privacy", NOW), 103L);
        assertEquals(Outcome.HOLD, RetentionDecision.decide(ofRestricted, policies, List.of(onCustomer), Set.of(77L),
                NOW).outcome());
    }
}
