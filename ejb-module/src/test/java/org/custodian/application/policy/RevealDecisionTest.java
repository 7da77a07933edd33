package org.custodian.application.policy;

import static org.custodian.application.policy.PolicyFixtures.NOW;
import static org.custodian.application.policy.PolicyFixtures.caller;
import static org.custodian.application.policy.PolicyFixtures.defaultPolicyWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.access.RevealGrant;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.Classification;
import org.custodian.domain.model.policy.FieldPolicy;
import org.custodian.domain.model.policy.Visibility;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.junit.jupiter.api.Test;

/** #23: REVEALABLE shows masked until this caller revealed the field on this record, and only while it lasts. */
class RevealDecisionTest {

    private static final String PHONE = "+49 30 1234 5678";
    private final Caller agent = caller("agent.eu", Role.AGENT, Region.EU);
    private final FieldPolicy revealable = defaultPolicyWith(Role.AGENT, Classification.CONFIDENTIAL,
            Visibility.REVEALABLE);

    private AccessContext context(FieldPolicy policy, List<RevealGrant> reveals) {
        return new AccessContext(agent, policy, NOW, List.of(), List.of(), List.of(), DefaultPolicyService.GRANTED_TO,
                Set.of(), reveals);
    }

    private static RevealGrant grant(Long ticketId, long customerId, List<String> fields, Duration lasts) {
        return new RevealGrant("agent.eu", ticketId, customerId, fields, "customer asked for a call back",
                lasts, NOW.minusSeconds(60));
    }

    private static Shown customer(AccessContext context, long customerId) {
        Decision decision = context.decide(Permission.CUSTOMER_READ,
                new ResourceScope("CUSTOMER", String.valueOf(customerId), Region.EU, null, null, customerId))
                .decision();
        return decision.show("customer").field("phone", PHONE).field("email", "jane@example.com");
    }

    @Test
    void revealableIsMaskedWithoutAGrant() {
        Shown shown = customer(context(revealable, List.of()), 7);
        assertFalse(PHONE.equals(shown.body().get("phone")), "masked: " + shown.body());
        assertTrue(shown.auditEntries().contains("phone~masked"));
    }

    @Test
    void aGrantShowsItsFieldInFullOnItsRecordOnly() {
        AccessContext context = context(revealable, List.of(grant(null, 7, List.of("customer.phone"),
                Duration.ofMinutes(15))));
        Shown seven = customer(context, 7);
        assertEquals(PHONE, seven.body().get("phone"));
        assertTrue(seven.auditEntries().contains("phone~revealed"), seven.auditEntries().toString());
        assertTrue(seven.auditEntries().contains("email~masked"), "other fields stay masked");
        assertFalse(PHONE.equals(customer(context, 8).body().get("phone")), "another customer stays masked");
    }

    @Test
    void anExpiredGrantRevealsNothing() {
        AccessContext context = context(revealable, List.of(grant(null, 7, List.of("customer.phone"),
                Duration.ofSeconds(30))));
        assertFalse(PHONE.equals(customer(context, 7).body().get("phone")));
    }

    @Test
    void aGrantDoesNotOutliveTheMatrix() {
        // the privacy officer set the cell back to MASKED: grants in force stop revealing at the next request
        AccessContext context = context(defaultPolicyWith(Role.AGENT, Classification.CONFIDENTIAL,
                Visibility.MASKED), List.of(grant(null, 7, List.of("customer.phone"), Duration.ofMinutes(15))));
        assertFalse(PHONE.equals(customer(context, 7).body().get("phone")));
    }

    @Test
    void aTicketGrantRevealsItsTicketsFieldsAndItsCustomers() {
        RevealGrant grant = grant(3L, 7, List.of("ticket.description", "customer.phone"), Duration.ofMinutes(15));
        assertTrue(grant.reveals("ticket.description", 3L, 7L));
        assertFalse(grant.reveals("ticket.description", 4L, 7L), "another ticket of the same customer");
        assertTrue(grant.reveals("customer.phone", null, 7L));
        assertFalse(grant.reveals("customer.email", 3L, 7L));
    }

    @Test
    void revealableSitsBetweenMaskedAndFull() {
        assertEquals(Visibility.REVEALABLE, Visibility.widest(Visibility.MASKED, Visibility.REVEALABLE));
        assertEquals(Visibility.FULL, Visibility.widest(Visibility.FULL, Visibility.REVEALABLE));
        assertEquals(Visibility.MASKED, Visibility.narrowest(Visibility.REVEALABLE, Visibility.MASKED));
    }

    @Test
    void aReasonIsRequiredAndItsPiiMasked() {
        org.junit.jupiter.api.Assertions.assertThrows(DomainRuleViolationException.class,
                () -> RevealGrant.checkReason("  "));
        String kept = RevealGrant.maskedReason("call back jane.doe@example.com about the refund");
        assertFalse(kept.contains("jane.doe@example.com"), kept);
    }
}
