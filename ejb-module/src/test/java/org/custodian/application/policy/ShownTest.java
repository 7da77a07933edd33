package org.custodian.application.policy;

import static org.custodian.application.policy.PolicyFixtures.NOW;
import static org.custodian.application.policy.PolicyFixtures.defaultCatalog;
import static org.custodian.application.policy.PolicyFixtures.defaultMatrix;
import static org.custodian.application.policy.PolicyFixtures.defaultPolicy;
import static org.custodian.application.policy.PolicyFixtures.visibilities;
import static org.custodian.domain.model.policy.Visibility.FULL;
import static org.custodian.domain.model.policy.Visibility.HIDDEN;
import static org.custodian.domain.model.policy.Visibility.MASKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.Classification;
import org.custodian.domain.model.policy.FieldPolicy;
import org.custodian.domain.model.policy.FieldPolicy.ClassifiedField;
import org.custodian.domain.model.policy.MaskStyle;
import org.custodian.domain.model.policy.Visibility;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class ShownTest {

    private static final Instant CREATED = Instant.parse("2026-01-10T10:00:00Z");
    private static final String SUBJECT = "Call me on +49 30 1234567 about the VPN";
    private static final String SUBJECT_MASKED = "Call me on +** ** *****67 about the VPN";
    private static final String DESCRIPTION = "Reach me at jane.doe@example.com after 5pm";

    private static Decision decision(Basis basis, Long basisId, Map<Classification, Visibility> visibilities) {
        return new Decision(basis, basisId, visibilities, defaultPolicy());
    }

    private static Decision agent() {
        return decision(Basis.OWN_REGION, null, visibilities(FULL, FULL, MASKED, HIDDEN));
    }

    private static Decision supervisor() {
        return decision(Basis.OWN_REGION, null, visibilities(FULL, FULL, FULL, MASKED));
    }

    /** The fields CustomerView shows, in its order. */
    private static Shown customer(Decision decision) {
        return decision.show("customer")
                .structural("id", 7L)
                .field("externalId", "C-1001")
                .field("name", "Jane van der Berg")
                .field("email", "jane.doe@example.com")
                .field("phone", "+49 30 1234567")
                .field("nationalId", "123-45-6789")
                .field("region", "EU")
                .field("createdAt", CREATED);
    }

    /** The fields TicketView shows (a subset), in its order; description has no stored masked copy. */
    private static Shown ticket(Decision decision) {
        return decision.show("ticket")
                .structural("id", 42L)
                .text("subject", SUBJECT, SUBJECT_MASKED)
                .text("description", DESCRIPTION, null)
                .field("status", "OPEN")
                .field("region", "EU")
                .field("createdAt", CREATED)
                .field("resolvedAt", null)
                .structural("version", 3L);
    }

    @Test
    void agentSeesPersonalDataMaskedByTypeAndRestrictedNotAtAll() {
        Shown shown = customer(agent());

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", 7L);
        expected.put("externalId", "C-1001");
        expected.put("name", "J. v. d. B.");
        expected.put("email", "j***@example.com");
        expected.put("phone", "+** ** *****67");
        expected.put("region", "EU");
        expected.put("createdAt", CREATED);
        assertEquals(expected, shown.body());
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(shown.body().keySet()));
        assertFalse(shown.body().containsKey("nationalId"));
    }

    @Test
    void auditEntriesStartWithTheBasisAndMarkMaskedFields() {
        Shown shown = customer(agent());

        assertEquals(List.of("basis=OWN_REGION", "class=CONFIDENTIAL", "externalId", "name~masked", "email~masked", "phone~masked",
                "region", "createdAt"), shown.auditEntries());
        assertEquals(List.of("nationalId"), shown.withheldPersonal());
    }

    @Test
    void supervisorSeesConfidentialAsStoredAndTheIdentifierMasked() {
        Shown shown = customer(supervisor());

        assertEquals("Jane van der Berg", shown.body().get("name"));
        assertEquals("jane.doe@example.com", shown.body().get("email"));
        assertEquals("+49 30 1234567", shown.body().get("phone"));
        assertEquals("*****6789", shown.body().get("nationalId"));
        assertEquals(List.of("basis=OWN_REGION", "class=CONFIDENTIAL", "class=RESTRICTED", "externalId", "name", "email", "phone", "nationalId~masked",
                "region", "createdAt"), shown.auditEntries());
        assertEquals(List.of(), shown.withheldPersonal());
    }

    @Test
    void maskedFreeTextUsesTheStoredMaskedCopyAndMasksLiveWithoutOne() {
        Shown shown = ticket(agent());

        assertEquals(SUBJECT_MASKED, shown.body().get("subject"));
        assertEquals("Reach me at j***@example.com after 5pm", shown.body().get("description"));
        assertEquals(List.of("basis=OWN_REGION", "class=CONFIDENTIAL", "subject~masked", "description~masked", "status", "region",
                "createdAt", "resolvedAt"), shown.auditEntries());
    }

    @Test
    void storedMaskedCopyIsWhatAMaskedCallerSeesEvenIfItDiffersFromALiveMask() {
        Shown shown = agent().show("ticket").text("subject", SUBJECT, "[copy made when the ticket was written]");
        assertEquals("[copy made when the ticket was written]", shown.body().get("subject"));
    }

    @Test
    void fullViewIgnoresTheStoredMaskedCopy() {
        Shown shown = ticket(supervisor());

        assertEquals(SUBJECT, shown.body().get("subject"));
        assertEquals(DESCRIPTION, shown.body().get("description"));
        assertEquals(List.of("basis=OWN_REGION", "class=CONFIDENTIAL", "subject", "description", "status", "region", "createdAt",
                "resolvedAt"), shown.auditEntries());
    }

    @Test
    void storedCopyIsUsedOnlyForFreeTextFields() {
        // email is masked by type; a stored copy passed for it is not trusted
        Shown shown = agent().show("customer").text("email", "jane.doe@example.com", "jane.doe@example.com");
        assertEquals("j***@example.com", shown.body().get("email"));
    }

    @Test
    void structuralFieldsArePresentAndNullFieldsKeepTheirKey() {
        Shown shown = ticket(agent());

        assertEquals(42L, shown.body().get("id"));
        assertEquals(3L, shown.body().get("version"));
        assertTrue(shown.body().containsKey("resolvedAt"));
        assertNull(shown.body().get("resolvedAt"));
        assertFalse(shown.auditEntries().contains("id"));
        assertFalse(shown.auditEntries().contains("version"));
    }

    @Test
    void maskedNullValueIsShownAsNull() {
        Shown shown = agent().show("customer").field("phone", null);
        assertTrue(shown.body().containsKey("phone"));
        assertNull(shown.body().get("phone"));
        assertEquals(List.of("basis=OWN_REGION", "phone~masked"), shown.auditEntries());
    }

    @Test
    void maskedNonTextValuesAreLeftOut() {
        Map<String, ClassifiedField> catalog = defaultCatalog();
        // personal, with a mask style, but not text: there is no partial form of a date or an instant
        catalog.put("customer.birthDate", new ClassifiedField(Classification.CONFIDENTIAL, MaskStyle.NAME));
        catalog.put("ticket.resolvedAt", new ClassifiedField(Classification.CONFIDENTIAL, MaskStyle.NONE));
        Decision decision = new Decision(Basis.OWN_REGION, null, visibilities(FULL, FULL, MASKED, HIDDEN),
                new FieldPolicy(catalog, defaultMatrix()));

        Shown customer = decision.show("customer").field("birthDate", LocalDate.of(1980, 5, 17));
        Shown ticket = decision.show("ticket").field("resolvedAt", NOW).field("status", "RESOLVED");

        assertFalse(customer.body().containsKey("birthDate"));
        assertEquals(List.of("birthDate"), customer.withheldPersonal());
        assertEquals(List.of("basis=OWN_REGION"), customer.auditEntries());
        assertEquals(Map.of("status", "RESOLVED"), ticket.body());
        assertEquals(List.of("resolvedAt"), ticket.withheldPersonal());
    }

    @Test
    void maskedTextWithoutPartialFormIsLeftOut() {
        Map<String, ClassifiedField> catalog = defaultCatalog();
        catalog.put("customer.loyaltyCode", new ClassifiedField(Classification.CONFIDENTIAL, MaskStyle.NONE));
        Decision decision = new Decision(Basis.OWN_REGION, null, visibilities(FULL, FULL, MASKED, HIDDEN),
                new FieldPolicy(catalog, defaultMatrix()));

        Shown shown = decision.show("customer").field("loyaltyCode", "GOLD-7781");

        assertEquals(Map.of(), shown.body());
        assertEquals(List.of("loyaltyCode"), shown.withheldPersonal());
    }

    @Test
    void readWithoutTransferRuleWithholdsEveryPersonalField() {
        Shown shown = ticket(decision(Basis.NO_TRANSFER_RULE, null, visibilities(FULL, FULL, HIDDEN, HIDDEN)));

        assertFalse(shown.body().containsKey("subject"));
        assertFalse(shown.body().containsKey("description"));
        assertEquals("OPEN", shown.body().get("status"));
        assertEquals(CREATED, shown.body().get("createdAt"));
        assertEquals(List.of("subject", "description"), shown.withheldPersonal());
        assertEquals(List.of("basis=NO_TRANSFER_RULE", "status", "region", "createdAt", "resolvedAt"),
                shown.auditEntries());
    }

    @Test
    void hiddenNonPersonalFieldsAreAbsentButNotReportedAsWithheldPersonalData() {
        Shown shown = decision(Basis.OWN_REGION, null, visibilities(HIDDEN, HIDDEN, HIDDEN, HIDDEN))
                .show("ticket").structural("id", 42L).field("status", "OPEN").text("subject", SUBJECT, SUBJECT_MASKED);

        assertEquals(Map.of("id", 42L), shown.body());
        assertEquals(List.of("subject"), shown.withheldPersonal());
        assertEquals(List.of("basis=OWN_REGION"), shown.auditEntries());
    }

    @Test
    void unclassifiedFieldIsTreatedAsRestricted() {
        Shown agent = agent().show("customer").field("shoeSize", "44");
        assertEquals(Map.of(), agent.body());
        assertEquals(List.of("shoeSize"), agent.withheldPersonal());

        // MASKED with no partial form: still left out
        Shown supervisor = supervisor().show("customer").field("shoeSize", "44");
        assertEquals(Map.of(), supervisor.body());

        Shown privacy = decision(Basis.OWN_REGION, null, visibilities(FULL, FULL, FULL, FULL))
                .show("customer").field("shoeSize", "44");
        assertEquals(Map.of("shoeSize", "44"), privacy.body());
    }

    @Test
    void basisEntryNamesTheGrantOverrideOrRule() {
        assertEquals("basis=GRANT#12",
                ticket(decision(Basis.GRANT, 12L, visibilities(FULL, FULL, MASKED, HIDDEN))).auditEntries().get(0));
        assertEquals("basis=BREAK_GLASS#5",
                ticket(decision(Basis.BREAK_GLASS, 5L, visibilities(FULL, FULL, FULL, MASKED))).auditEntries().get(0));
        assertEquals("basis=TRANSFER_RULE#7",
                ticket(decision(Basis.TRANSFER_RULE, 7L, visibilities(FULL, FULL, MASKED, HIDDEN))).auditEntries()
                        .get(0));
    }

    @Test
    void bodyAndWithheldListAreReadOnly() {
        Shown shown = customer(agent());
        assertThrows(UnsupportedOperationException.class, () -> shown.body().put("nationalId", "123-45-6789"));
        assertThrows(UnsupportedOperationException.class, () -> shown.withheldPersonal().clear());
        // auditEntries is a fresh copy each time
        shown.auditEntries().clear();
        assertEquals("basis=OWN_REGION", shown.auditEntries().get(0));
    }

    @Test
    void showKeepsItsDecision() {
        Decision decision = agent();
        assertSame(decision, decision.show("ticket").decision());
    }

    @Test
    void decisionFromTheContextDrivesTheOutput() {
        AccessContext context = PolicyFixtures.context(PolicyFixtures.caller("uma", Role.AGENT, Region.US));
        Decision decision = context.decide(Permission.CUSTOMER_READ,
                new ResourceScope("CUSTOMER", "7", Region.EU, null, null)).decision();

        Shown shown = customer(decision);

        assertEquals(Map.of("id", 7L, "externalId", "C-1001", "region", "EU", "createdAt", CREATED), shown.body());
        assertEquals(List.of("name", "email", "phone", "nationalId"), shown.withheldPersonal());
        assertEquals("basis=NO_TRANSFER_RULE", shown.auditEntries().get(0));
    }

    @Test
    void decisionCopiesItsVisibilities() {
        Map<Classification, Visibility> visibilities = visibilities(FULL, FULL, MASKED, HIDDEN);
        Decision decision = decision(Basis.OWN_REGION, null, visibilities);
        visibilities.put(Classification.RESTRICTED, FULL);

        assertEquals(HIDDEN, decision.visibilities().get(Classification.RESTRICTED));
        assertEquals(HIDDEN, decision.visibilityOf("customer", "nationalId"));
        assertEquals(MASKED, decision.visibilityOf("customer", "email"));
        assertEquals(FULL, decision.visibilityOf("customer", "region"));
        assertEquals(HIDDEN, decision.visibilityOf("customer", "notInTheCatalog"));
    }

    @Test
    void aRedactionNoteComesWithTheTextItIsAbout() {
        // #20: the agent is told that a card number was cut from the text when it was saved
        Shown masked = decision(Basis.OWN_REGION, null, visibilities(FULL, FULL, MASKED, HIDDEN)).show("ticket")
                .text("subject", SUBJECT, SUBJECT_MASKED)
                .note("redacted", List.of("CREDIT_CARD"), "subject", "description");
        assertEquals(List.of("CREDIT_CARD"), masked.body().get("redacted"));
        assertFalse(masked.auditEntries().stream().anyMatch(entry -> entry.contains("redacted")),
                "a note reveals nothing about anyone: " + masked.auditEntries());
    }

    @Test
    void noRedactionNoteWithoutTheTextOrWithoutARedaction() {
        Shown hidden = decision(Basis.OWN_REGION, null, visibilities(FULL, FULL, HIDDEN, HIDDEN)).show("ticket")
                .text("subject", SUBJECT, SUBJECT_MASKED)
                .note("redacted", List.of("CREDIT_CARD"), "subject", "description");
        assertFalse(hidden.body().containsKey("redacted"), "who may not see the text learns nothing about it");
        Shown none = agent().show("ticket").text("subject", SUBJECT, SUBJECT_MASKED)
                .note("redacted", List.of(), "subject");
        assertFalse(none.body().containsKey("redacted"));
    }
}
