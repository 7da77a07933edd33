package org.custodian.application.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.custodian.domain.model.mail.MessageIds;
import org.junit.jupiter.api.Test;

class TicketReferenceTest {

    private final TicketReference references = new TicketReference("a-test-key-of-some-length");

    @Test
    void aReferenceIsFoundAgainAnywhereInTheSubject() {
        String reference = references.of(123);
        assertTrue(reference.matches("\\[#123-[A-Z2-7]{6}]"), reference);
        assertEquals(OptionalLong.of(123), references.find("Re: AW: printer " + reference + " (urgent)"));
    }

    @Test
    void aNumberWithoutTheRightTagThreadsNothing() {
        assertEquals(OptionalLong.empty(), references.find("Re: [#123]"));
        assertEquals(OptionalLong.empty(), references.find("Re: [#123-AAAAAA]"));
        String other = references.of(124);
        assertEquals(OptionalLong.empty(), references.find("[#123-" + other.substring(6)));
        // another server's key makes other tags
        assertNotEquals(references.of(123), new TicketReference("another-key-of-some-length").of(123));
        assertEquals(OptionalLong.empty(), references.find(null));
        assertEquals(OptionalLong.empty(), references.find("[#99999999999999999999-AAAAAA]"));
    }

    @Test
    void theFirstValidReferenceCounts() {
        assertEquals(OptionalLong.of(7), references.find("[#5-AAAAAA] " + references.of(7) + " " + references.of(8)));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TicketReference("short"));
    }

    @Test
    void referencesAfterKeepTheThread() {
        assertEquals("<a@x> <b@x>", MessageIds.referencesAfter("<a@x>", "<b@x>"));
        assertEquals("<b@x>", MessageIds.referencesAfter(null, "<b@x>"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            many.append("<m").append(i).append("@x> ");
        }
        String kept = MessageIds.referencesAfter(many.toString(), "<last@x>");
        assertEquals(MessageIds.KEPT, MessageIds.parse(kept).size());
        assertTrue(kept.startsWith("<m0@x>") && kept.endsWith("<last@x>"), kept);
    }
}
