package org.custodian.domain.shared;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCheckTest {

    @Test
    void passingChecksThrowNothing() {
        RuleCheck check = new RuleCheck()
                .require(true, "a", "never")
                .requireText("x", "b", 1)
                .optionalText(null, "c", 1)
                .optionalText("y", "d", 1);
        assertFalse(check.hasViolations());
        assertDoesNotThrow(check::throwIfAny);
    }

    @Test
    void collectsEveryViolationInOrder() {
        RuleCheck check = new RuleCheck()
                .require(false, "status", "bad transition")
                .requireText(null, "subject", 10)
                .requireText(" \t", "description", 10)
                .requireText("12345678901", "category", 10)
                .optionalText("123", "note", 2);
        assertTrue(check.hasViolations());
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class, check::throwIfAny);
        assertEquals(List.of(
                new FieldViolation("status", "bad transition"),
                new FieldViolation("subject", "is required and must not be blank"),
                new FieldViolation("description", "is required and must not be blank"),
                new FieldViolation("category", "must be at most 10 characters"),
                new FieldViolation("note", "must be at most 2 characters")), e.getViolations());
    }

    @Test
    void lengthLimitsAreInclusive() {
        assertFalse(new RuleCheck().requireText("1234567890", "f", 10).hasViolations());
        assertFalse(new RuleCheck().optionalText("12", "f", 2).hasViolations());
    }

    @Test
    void messageNamesEachField() {
        DomainRuleViolationException e = new DomainRuleViolationException(List.of(
                new FieldViolation("a", "first"), new FieldViolation("b", "second")));
        assertEquals("a: first; b: second", e.getMessage());
    }

    @Test
    void singleFieldConstructor() {
        DomainRuleViolationException e = new DomainRuleViolationException("ticketId", "closed");
        assertEquals(List.of(new FieldViolation("ticketId", "closed")), e.getViolations());
        assertEquals("ticketId: closed", e.getMessage());
    }

    @Test
    void violationsAreAnImmutableSnapshot() {
        List<FieldViolation> source = new ArrayList<>(List.of(new FieldViolation("a", "m")));
        DomainRuleViolationException e = new DomainRuleViolationException(source);
        source.add(new FieldViolation("b", "m"));
        assertEquals(1, e.getViolations().size());
        assertThrows(UnsupportedOperationException.class, () -> e.getViolations().add(new FieldViolation("c", "m")));
    }

    @Test
    void textWithControlCharactersOrBrokenSurrogatesIsRefused() {
        // NUL-only text is not blank to isBlank() but trims to nothing: it must never be stored
        assertEquals(1, violationsOf(new RuleCheck().requireText("\u0000", "subject", 10)));
        assertEquals(1, violationsOf(new RuleCheck().requireText("a\u0007b", "subject", 10)));
        assertEquals(1, violationsOf(new RuleCheck().requireText("line\nbreak", "subject", 20)));
        assertEquals(0, violationsOf(new RuleCheck().requireMultilineText("line\nbreak\tand tab", "body", 40)));
        assertEquals(1, violationsOf(new RuleCheck().requireMultilineText("bell\u0007", "body", 40)));
        assertEquals(1, violationsOf(new RuleCheck().requireText("lone \ud800 surrogate", "subject", 40)));
        assertEquals(0, violationsOf(new RuleCheck().requireText("emoji \ud83d\ude00 ok", "subject", 40)));
        assertEquals(0, violationsOf(new RuleCheck().optionalText(null, "q", 10)));
        assertEquals(1, violationsOf(new RuleCheck().optionalText("\u001b[2J", "q", 10)));
    }

    private static int violationsOf(RuleCheck check) {
        try {
            check.throwIfAny();
            return 0;
        } catch (DomainRuleViolationException e) {
            return e.getViolations().size();
        }
    }
}
