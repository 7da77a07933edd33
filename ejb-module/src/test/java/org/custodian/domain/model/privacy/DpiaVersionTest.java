package org.custodian.domain.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.domain.model.privacy.DpiaVersion.Content;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.junit.jupiter.api.Test;

/** A DPIA version (Art. 35, #25): what it must state, the risk matrix, four-eyes sign-off, review due. */
class DpiaVersionTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    private static Content content(RiskLevel residual, LocalDate review) {
        return new Content("Ticket handling", "Agents read and answer customers' requests.",
                List.of("Handling customers' support requests"), List.of(new DpiaRisk("Agents of one region read"
                        + " another region's customers", RiskLevel.MEDIUM, RiskLevel.HIGH, "Regional separation")),
                residual, "Separation and audit trail", review, "First assessment");
    }

    @Test
    void theRiskMatrixRatesLikelihoodTimesSeverity() {
        assertEquals(RiskLevel.LOW, RiskLevel.of(RiskLevel.LOW, RiskLevel.MEDIUM));
        assertEquals(RiskLevel.MEDIUM, RiskLevel.of(RiskLevel.LOW, RiskLevel.HIGH));
        assertEquals(RiskLevel.MEDIUM, RiskLevel.of(RiskLevel.MEDIUM, RiskLevel.MEDIUM));
        assertEquals(RiskLevel.HIGH, RiskLevel.of(RiskLevel.MEDIUM, RiskLevel.HIGH));
        assertEquals(RiskLevel.HIGH, RiskLevel.of(RiskLevel.HIGH, RiskLevel.HIGH));
    }

    @Test
    void everyMissingPartIsNamedAtOnce() {
        Content empty = new Content(" ", null, List.of(), List.of(new DpiaRisk("", null, RiskLevel.LOW, null)),
                null, null, TODAY, null);
        DomainRuleViolationException refused = assertThrows(DomainRuleViolationException.class,
                () -> new DpiaVersion(1, 1, empty, "pat", NOW, TODAY));
        Set<String> fields = new TreeSet<>(refused.getViolations().stream().map(FieldViolation::field).toList());
        assertEquals(new TreeSet<>(Set.of("title", "processing", "purposes", "risks[0].description",
                "risks[0].likelihood", "risks[0].measures", "residualRisk", "residualReason", "reviewDate",
                "reason")), fields);
    }

    @Test
    void theReviewDateLiesAheadAndWithinThreeYears() {
        assertThrows(DomainRuleViolationException.class,
                () -> new DpiaVersion(1, 1, content(RiskLevel.LOW, TODAY.plusYears(3).plusDays(1)), "pat", NOW, TODAY));
        assertNotNull(new DpiaVersion(1, 1, content(RiskLevel.LOW, TODAY.plusYears(3)), "pat", NOW, TODAY));
    }

    @Test
    void theWriterMayNotSignOffAndNobodySignsTwice() {
        DpiaVersion version = new DpiaVersion(1, 2, content(RiskLevel.LOW, TODAY.plusYears(1)), "pat", NOW, TODAY);
        assertTrue(version.signOffRefusal("pat").contains("four eyes"));
        assertThrows(IllegalStateException.class, () -> version.signOff("pat", null, NOW));
        assertEquals("DRAFT", version.status(TODAY));
        assertNull(version.signOffRefusal("sam"));
        version.signOff("sam", "Read with the team", NOW);
        assertEquals("sam", version.getSignedOffBy());
        assertEquals("SIGNED_OFF", version.status(TODAY));
        assertTrue(version.signOffRefusal("alex").contains("was signed off by sam"));
    }

    @Test
    void aReachedReviewDateMakesItDueAndHighResidualRiskNeedsTheAuthority() {
        DpiaVersion version = new DpiaVersion(1, 1, content(RiskLevel.HIGH, TODAY.plusDays(30)), "pat", NOW, TODAY);
        assertFalse(version.isReviewDue(TODAY));
        assertTrue(version.isReviewDue(TODAY.plusDays(30)));
        assertEquals("REVIEW_DUE", version.status(TODAY.plusDays(31)));
        assertTrue(version.isPriorConsultationRequired());
        assertEquals(RiskLevel.HIGH, version.getRisks().get(0).level());
        assertEquals(List.of("Handling customers' support requests"), version.getPurposes());
    }
}
