package org.custodian.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void ordinaryTextOfAnyScriptPasses() {
        for (String text : List.of("", "Laptop won't boot", "Zeile 1\r\nZeile 2\tEnde", "東京 😀 Ελλάδα", "x\u00A0y")) {
            assertTrue(PlainText.refusal(text).isEmpty(), text);
        }
        assertTrue(PlainText.refusal(null).isEmpty());
    }

    @Test
    void controlCharactersAreRefusedNamingThePosition() {
        assertEquals("must not contain control characters (U+0000 at position 3); only tab, line feed and carriage"
                + " return are allowed", PlainText.refusal("bob\u0000").orElseThrow());
        for (char c : new char[] {1, 8, 11, 12, 27, 31, 127}) {
            assertTrue(PlainText.refusal("a" + c).isPresent(), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertEquals("must be valid Unicode text (an unpaired surrogate U+D800 at position 1)",
                PlainText.refusal("a\uD800b").orElseThrow());
        assertTrue(PlainText.refusal("\uDC00").isPresent(), "a lone low surrogate");
        assertTrue(PlainText.refusal("end\uD83D").isPresent(), "a high surrogate at the end");
        assertTrue(PlainText.refusal("\uD83D\uDE00").isEmpty(), "a pair is one character");
    }

    @Test
    void checkRecordsAViolationForTheField() {
        RuleCheck check = new RuleCheck();
        PlainText.check("ok", "subject", check);
        PlainText.check("n\u0000", "externalId", check);
        DomainRuleViolationException refused = assertThrows(DomainRuleViolationException.class, check::throwIfAny);
        assertEquals("externalId", refused.getViolations().get(0).field());
        assertEquals(1, refused.getViolations().size());
    }
}
