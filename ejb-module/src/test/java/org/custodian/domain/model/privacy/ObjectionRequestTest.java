package org.custodian.domain.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.junit.jupiter.api.Test;

/** An OBJECTION request (Art. 21, #25): the purposes it names, and that only carrying it out completes it. */
class ObjectionRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private static PrivacyRequest request(PrivacyRequestType type) {
        return new PrivacyRequest(type, Set.of(7L), null, null, null, null, "privacy", NOW);
    }

    @Test
    void anObjectionNamesItsPurposesInOrder() {
        PrivacyRequest objection = request(PrivacyRequestType.OBJECTION);
        assertTrue(objection.getPurposes().isEmpty(), "none named yet (made from a ticket)");
        objection.objectTo(EnumSet.of(ConsentPurpose.AI_ROUTING, ConsentPurpose.QA_REVIEW), NOW);
        assertEquals(EnumSet.of(ConsentPurpose.QA_REVIEW, ConsentPurpose.AI_ROUTING), objection.getPurposes());
    }

    @Test
    void noPurposesOrAnotherTypeIsRefusedNamingThePurposesField() {
        DomainRuleViolationException empty = assertThrows(DomainRuleViolationException.class,
                () -> request(PrivacyRequestType.OBJECTION).objectTo(Set.of(), NOW));
        assertEquals("purposes", empty.getViolations().get(0).field());
        DomainRuleViolationException access = assertThrows(DomainRuleViolationException.class,
                () -> request(PrivacyRequestType.ACCESS).objectTo(EnumSet.of(ConsentPurpose.QA_REVIEW), NOW));
        assertEquals("purposes", access.getViolations().get(0).field());
    }

    @Test
    void anObjectionIsCompletedOnlyByCarryingItOut() {
        PrivacyRequest objection = request(PrivacyRequestType.OBJECTION);
        objection.verifyIdentity("called back on the number on file", "privacy", NOW);
        objection.start(null, NOW);
        DomainRuleViolationException byHand = assertThrows(DomainRuleViolationException.class,
                () -> objection.complete("done", NOW));
        assertTrue(byHand.getMessage().contains("/object"), byHand.getMessage());
        objection.objectTo(EnumSet.of(ConsentPurpose.QA_REVIEW), NOW);
        objection.carriedOut(PrivacyRequestType.OBJECTION, "stopped", NOW);
        assertEquals(PrivacyRequestStatus.COMPLETED, objection.getStatus());
        assertThrows(DomainRuleViolationException.class,
                () -> objection.objectTo(EnumSet.of(ConsentPurpose.AI_ROUTING), NOW), "final: nothing to name");
    }
}
