package org.custodian.domain.model.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessOverrideTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String WHY = "Outage INC-77: need the caller's phone to call back";

    private static List<String> violatedFields(String justification, Integer minutes) {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new AccessOverride(42L, "sue", justification, minutes, NOW));
        return e.getViolations().stream().map(FieldViolation::field).collect(Collectors.toList());
    }

    @Test
    void validOverrideStartsNowAndLastsTheGivenMinutes() {
        AccessOverride override = new AccessOverride(42L, "sue", "  " + WHY + " ", 90, NOW);

        assertEquals(42L, override.getTicketId());
        assertEquals("sue", override.getUsername());
        assertEquals(WHY, override.getJustification());
        assertEquals(NOW, override.getStartsAt());
        assertEquals(NOW.plus(Duration.ofMinutes(90)), override.getExpiresAt());
    }

    @Test
    void activeFromStartInclusiveToExpiryExclusive() {
        AccessOverride override = new AccessOverride(42L, "sue", WHY, 30, NOW);
        assertFalse(override.isActiveAt(NOW.minusMillis(1)));
        assertTrue(override.isActiveAt(NOW));
        assertTrue(override.isActiveAt(NOW.plus(Duration.ofMinutes(30)).minusMillis(1)));
        assertFalse(override.isActiveAt(NOW.plus(Duration.ofMinutes(30))));
        assertFalse(override.isActiveAt(NOW.plus(Duration.ofDays(1))));
    }

    @Test
    void justificationNeedsTwentyCharactersOnceTrimmed() {
        assertEquals(List.of("justification"), violatedFields("1234567890123456789", 10));
        assertEquals(List.of("justification"), violatedFields("      1234567890123456789      ", 10));
        assertEquals("12345678901234567890",
                new AccessOverride(1L, "sue", " 12345678901234567890 ", 10, NOW).getJustification());
    }

    @Test
    void justificationIsAtMostFiveHundredCharacters() {
        assertEquals(500, new AccessOverride(1L, "sue", "x".repeat(500), 10, NOW).getJustification().length());
        assertEquals(List.of("justification"), violatedFields("x".repeat(501), 10));
    }

    @Test
    void justificationIsRequiredAndOneLine() {
        assertEquals(List.of("justification"), violatedFields(null, 10));
        assertEquals(List.of("justification"), violatedFields("   ", 10));
        assertEquals(List.of("justification"), violatedFields("Outage INC-77:\nneed the phone to call back", 10));
    }

    @Test
    void minutesAreRequired() {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new AccessOverride(42L, "sue", WHY, null, NOW));
        assertEquals(1, e.getViolations().size());
        assertEquals("minutes", e.getViolations().get(0).field());
        assertTrue(e.getViolations().get(0).message().startsWith("is required"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 241, 1440})
    void minutesOutsideOneToTwoHundredFortyAreRejected(int minutes) {
        assertEquals(List.of("minutes"), violatedFields(WHY, minutes));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 240})
    void minutesAtTheBoundsAreAccepted(int minutes) {
        AccessOverride override = new AccessOverride(42L, "sue", WHY, minutes, NOW);
        assertEquals(NOW.plus(Duration.ofMinutes(minutes)), override.getExpiresAt());
    }

    @Test
    void bothProblemsAreReportedTogether() {
        assertEquals(List.of("justification", "minutes"), violatedFields("too short", 0));
    }
}
