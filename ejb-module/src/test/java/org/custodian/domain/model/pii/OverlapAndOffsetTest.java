package org.custodian.domain.model.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapAndOffsetTest {

    private final PiiDetector detector = new PiiDetector();

    @Test
    void offsetsAreUtf16IndicesAfterNonAsciiText() {
        String text = "Grüße 😀 4111 1111 1111 1111";
        assertEquals(List.of(new PiiFinding(PiiType.CREDIT_CARD, 9, 28)), detector.scan(text));
        assertEquals("4111 1111 1111 1111", text.substring(9, 28));
    }

    @Test
    void findingsAreSortedByStart() {
        String text = "Mail jane@example.com, IBAN DE89370400440532013000, card 4111111111111111, SSN 536-22-1234";
        assertEquals(List.of("EMAIL:jane@example.com", "IBAN:DE89370400440532013000", "CREDIT_CARD:4111111111111111",
                "US_SSN:536-22-1234"), Detected.all(text));
    }

    @Test
    void secretWinsOverEverythingInside() {
        assertEquals(List.of("SECRET:4111111111111111"), Detected.all("password=4111111111111111"));
        assertEquals(List.of("SECRET:jane@example.com"), Detected.all("pwd: jane@example.com"));
    }

    @Test
    void cardWinsOverPhone() {
        // 15 digits with a + cue would be a phone, but it is also a valid Amex: the card wins
        assertEquals(List.of("CREDIT_CARD:378282246310005"), Detected.all("ref 378282246310005"));
    }

    @Test
    void phoneInsidePemBlockIsDropped() {
        String text = "-----BEGIN PRIVATE KEY-----\n +49 30 1234567 \n-----END PRIVATE KEY-----";
        assertEquals(List.of(new PiiFinding(PiiType.SECRET, 0, text.length())), detector.scan(text));
    }

    @Test
    void emptyAndPlainTextHaveNoFindings() {
        assertEquals(List.of(), detector.scan(""));
        assertEquals(List.of(), detector.scan("Nothing sensitive here, version 1.2.3 on 2026-11-23."));
    }

    @Test
    void findingRejectsEmptyOrNegativeSpans() {
        assertThrows(IllegalArgumentException.class, () -> new PiiFinding(PiiType.EMAIL, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new PiiFinding(PiiType.EMAIL, -1, 3));
        assertThrows(NullPointerException.class, () -> new PiiFinding(null, 0, 3));
    }
}
