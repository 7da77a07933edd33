package org.custodian.domain.model.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.junit.jupiter.api.Test;

class TransferRuleTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String REASON = "SCCs signed with the US support centre";

    private static Set<String> violatedFields(Region from, Region to, TransferBasis basis, String reason) {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new TransferRule(from, to, basis, reason, "privacy", NOW));
        return e.getViolations().stream().map(FieldViolation::field).collect(Collectors.toSet());
    }

    @Test
    void validRuleIsActiveWithTrimmedReason() {
        TransferRule rule = new TransferRule(Region.EU, Region.US, TransferBasis.SCC, "  " + REASON + "  ", "privacy",
                NOW);

        assertEquals(Region.EU, rule.getFromRegion());
        assertEquals(Region.US, rule.getToRegion());
        assertEquals(TransferBasis.SCC, rule.getBasis());
        assertEquals(REASON, rule.getReason());
        assertEquals("privacy", rule.getCreatedBy());
        assertEquals(NOW, rule.getCreatedAt());
        assertTrue(rule.isActive());
        assertNull(rule.getRevokedAt());
    }

    @Test
    void regionsMustDiffer() {
        assertEquals(Set.of("toRegion"), violatedFields(Region.EU, Region.EU, TransferBasis.ADEQUACY, REASON));
    }

    @Test
    void regionsAndBasisAreRequired() {
        assertEquals(Set.of("fromRegion", "toRegion", "basis"), violatedFields(null, null, null, REASON));
        assertEquals(Set.of("fromRegion"), violatedFields(null, Region.US, TransferBasis.BCR, REASON));
    }

    @Test
    void reasonNeedsTenCharactersOnceTrimmed() {
        assertEquals(Set.of("reason"), violatedFields(Region.EU, Region.US, TransferBasis.SCC, "too short"));
        assertEquals(Set.of("reason"), violatedFields(Region.EU, Region.US, TransferBasis.SCC, "   too short   "));
        assertEquals(Set.of("reason"), violatedFields(Region.EU, Region.US, TransferBasis.SCC, null));
        assertEquals("1234567890",
                new TransferRule(Region.EU, Region.US, TransferBasis.SCC, "1234567890", "privacy", NOW).getReason());
    }

    @Test
    void revokedRuleIsInactiveAndKeepsWhoAndWhen() {
        TransferRule rule = new TransferRule(Region.EU, Region.US, TransferBasis.SCC, REASON, "privacy", NOW);
        rule.revoke("privacy2", NOW.plusSeconds(60));
        assertFalse(rule.isActive());
        assertEquals("privacy2", rule.getRevokedBy());
        assertEquals(NOW.plusSeconds(60), rule.getRevokedAt());
    }

    @Test
    void revokingTwiceIsARuleViolation() {
        TransferRule rule = new TransferRule(Region.EU, Region.US, TransferBasis.SCC, REASON, "privacy", NOW);
        rule.revoke("privacy", NOW.plusSeconds(60));
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> rule.revoke("privacy2", NOW.plusSeconds(120)));
        assertEquals("id", e.getViolations().get(0).field());
        assertEquals("privacy", rule.getRevokedBy());
        assertEquals(NOW.plusSeconds(60), rule.getRevokedAt());
    }
}
