package org.custodian.domain.model.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDetectionTest {

    private static List<String> phones(String text) {
        return Detected.values(PiiType.PHONE, text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "+4930123456",           // E.164 compact
        "+49 30 1234567",
        "+44 20 7946 0958",
        "+1 (212) 555-0147",
        "+33 1 42 68 53 00",
        "+44 (0)20 7946 0958",
        "+49-30-1234567",
        "+41.44.668.18.00",
        "(212) 555-0147",        // US national
        "212-555-0147",
        "212.555.0147",
        "1-800-555-0199",
        "020 7946 0958",         // UK
        "030 1234567",           // DE
        "030/1234567",
        "0171-2345678",
        "01 42 68 53 00",        // FR
        "06.12.34.56.78",
    })
    void internationalAndNationalFormatsAreFound(String phone) {
        assertEquals(List.of(phone), phones("Call " + phone + ", thanks"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "2026-11-23", "23.11.2026", "11/23/2026", "01.12.2026", "01/12/2026 14:30", "2026-11-23 10:30:00",
        "10:30", "1.2.3", "v10.4.1", "10.0.19045.3803", "192.168.100.200", "010.100.100.200",
        "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "ORD-12345678", "1Z999AA10123456784", "1,234.56",
        "12 345 678,90", "#123456", "2125550147", "0301234567", "123-456-7890", "4111 1111 1111 1111",
        "3782 822463 10005", "+0049 30 1234567", "+49 3", "INV-2026-004512",
    })
    void lookalikesAreNotPhones(String text) {
        assertEquals(List.of(), phones("see " + text + " here"));
    }

    @Test
    void digitCountMustBeEightToFifteen() {
        assertEquals(List.of(), phones("+49 30123"));
        assertEquals(List.of("+49 30123456"), phones("+49 30123456"));
        assertEquals(List.of("+123456789012345"), phones("+123456789012345"));
        assertEquals(List.of(), phones("+1234567890123456"));
    }

    @Test
    void textAroundDoesNotBecomePartOfTheNumber() {
        assertEquals(List.of("(212) 555-0147"), phones("Mobile (212) 555-0147 (after 5pm)"));
        assertEquals(List.of("+49 30 1234567"), phones("Tel:+49 30 1234567."));
        assertEquals(List.of("030 1234567", "030 7654321"), phones("030 1234567 or 030 7654321"));
    }

    @Test
    void numbersGluedToTokensAreNotPhones() {
        assertEquals(List.of(), phones("ticket#+49 30 1234567"));
        assertEquals(List.of(), phones("x+49 30 1234567"));
        assertEquals(List.of(), phones("+49 30 1234567abc"));
        assertEquals(List.of(), phones("+49 30 1234567@example.com"));
    }
}
