package org.custodian.application.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the package leaves out of texts (the page's escaping is HtmlTemplateTest's). */
class SubjectPackageContentTest {

    @Test
    void masksOtherPeoplesPersonalDataButKeepsTheSubjectsOwn() {
        Set<String> own = Set.of("ann@example.com", "4930555123");
        String text = "Ann (ANN@example.com, +49 30 555-123) forwarded bob@example.org; card 4111 1111 1111 1111";
        String redacted = SubjectPackageContent.redact(text, own);
        assertTrue(redacted.contains("ANN@example.com"), redacted);
        assertTrue(redacted.contains("+49 30 555-123"), redacted);
        assertFalse(redacted.contains("bob@example.org"), redacted);
        assertFalse(redacted.contains("4111 1111 1111 1111"), redacted);
        assertEquals("nothing personal", SubjectPackageContent.redact("nothing personal", own));
    }

    @Test
    void anAccessLogEntryNamesOnlyTheSubjectsOwnRecords() {
        assertEquals("42", SubjectPackageContent.ownPart("3,42,57", Set.of("42", "9")));
        assertEquals("42/7", SubjectPackageContent.ownPart("42/7", Set.of("42")));
        assertEquals("9", SubjectPackageContent.ownPart("9", Set.of("9")));
    }
}
