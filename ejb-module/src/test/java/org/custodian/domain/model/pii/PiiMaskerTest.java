package org.custodian.domain.model.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiiMaskerTest {

    @Test
    void cardKeepsFirstSixAndLastFourDigitsAndSeparators() {
        assertEquals("4111 11** **** 1111", PiiMasker.maskValue(PiiType.CREDIT_CARD, "4111 1111 1111 1111"));
        assertEquals("411111******1111", PiiMasker.maskValue(PiiType.CREDIT_CARD, "4111111111111111"));
        assertEquals("3782-82****-*0005", PiiMasker.maskValue(PiiType.CREDIT_CARD, "3782-822463-10005"));
        assertEquals("501800**0009", PiiMasker.maskValue(PiiType.CREDIT_CARD, "501800000009"));
    }

    @Test
    void ssnKeepsLastFour() {
        assertEquals("***-**-1234", PiiMasker.maskValue(PiiType.US_SSN, "536-22-1234"));
        assertEquals("***-**-1234", PiiMasker.maskValue(PiiType.US_SSN, "536221234"));
        assertEquals("***-**-1234", PiiMasker.maskValue(PiiType.US_SSN, "536 22 1234"));
    }

    @Test
    void ibanKeepsCountryCheckDigitsAndLastFour() {
        assertEquals("DE89 **** **** **** **30 00", PiiMasker.maskValue(PiiType.IBAN, "DE89 3704 0044 0532 0130 00"));
        assertEquals("DE89**************3000", PiiMasker.maskValue(PiiType.IBAN, "DE89370400440532013000"));
    }

    @Test
    void emailKeepsFirstCharacterAndDomain() {
        assertEquals("j***@example.com", PiiMasker.maskValue(PiiType.EMAIL, "jane.doe@example.com"));
    }

    @Test
    void phoneKeepsLastTwoDigitsAndFormatting() {
        assertEquals("+** ** *****67", PiiMasker.maskValue(PiiType.PHONE, "+49 30 1234567"));
        assertEquals("(***) ***-**47", PiiMasker.maskValue(PiiType.PHONE, "(212) 555-0147"));
    }

    @Test
    void secretIsRedactedWhole() {
        assertEquals("[REDACTED]", PiiMasker.maskValue(PiiType.SECRET, "AKIAIOSFODNN7EXAMPLE"));
    }

    @Test
    void maskReplacesEveryFindingInText() {
        String text = "Grüße 😀 card 4111 1111 1111 1111, mail jane@example.com, password: hunter2";
        String masked = PiiMasker.mask(text, new PiiDetector().scan(text));
        assertEquals("Grüße 😀 card 4111 11** **** 1111, mail j***@example.com, password: [REDACTED]", masked);
    }

    @Test
    void maskAcceptsUnsortedFindingsAndIgnoresOverlaps() {
        String text = "a 536-22-1234 b";
        List<PiiFinding> findings = List.of(new PiiFinding(PiiType.PHONE, 4, 8),
                new PiiFinding(PiiType.US_SSN, 2, 13));
        assertEquals("a ***-**-1234 b", PiiMasker.mask(text, findings));
        assertEquals(text, PiiMasker.mask(text, List.of()));
    }
}
