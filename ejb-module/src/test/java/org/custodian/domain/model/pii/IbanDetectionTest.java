package org.custodian.domain.model.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanDetectionTest {

    private static List<String> ibans(String text) {
        return Detected.values(PiiType.IBAN, text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "DE89370400440532013000",
        "GB82WEST12345698765432",
        "FR1420041010050500013M02606",
        "NL91ABNA0417164300",
        "NO9386011117947",             // shortest (15)
        "LC55HEMM000100010012001200023015", // longest in the table (32)
        "MT84MALT011000012345MTLCAST001S",
        "CH9300762011623852957",
        "BE68539007547034",
    })
    void compactIbansWithValidChecksumAreFound(String iban) {
        assertEquals(List.of(iban), ibans("IBAN: " + iban + "."));
    }

    @Test
    void groupsOfFourSeparatedBySpaces() {
        assertEquals(List.of("DE89 3704 0044 0532 0130 00"), ibans("Konto DE89 3704 0044 0532 0130 00, danke"));
        assertEquals(List.of("BE68 5390 0754 7034"), ibans("to BE68 5390 0754 7034 2024"),
                "the length table stops the span even when a number follows");
    }

    @Test
    void lowercaseIsAcceptedBecauseCustomersTypeItThatWay() {
        assertEquals(List.of("de89370400440532013000"), ibans("iban de89370400440532013000"));
        assertEquals(List.of("gb82 west 1234 5698 7654 32"), ibans("gb82 west 1234 5698 7654 32"));
    }

    @Test
    void wrongChecksumIsRejected() {
        assertEquals(List.of(), ibans("DE88370400440532013000"));
        assertEquals(List.of(), ibans("DE89370400440532013001"));
    }

    @Test
    void wrongLengthForTheCountryIsRejected() {
        assertEquals(List.of(), ibans("DE8937040044053201300"));
        assertEquals(List.of(), ibans("DE893704004405320130000"));
        assertEquals(List.of(), ibans("DE89 3704 0044 0532 0130 0"));
    }

    @Test
    void unknownCountryOrIrregularSpacingIsRejected() {
        assertEquals(List.of(), ibans("ZZ89370400440532013000"));
        assertEquals(List.of(), ibans("DE89 37040044 0532 0130 00"));
        assertEquals(List.of(), ibans("XDE89370400440532013000"));
    }

    @Test
    void checksumHelperMatchesTheStandardExample() {
        assertEquals(1, IbanRecognizer.ibanRemainder("GB82WEST12345698765432", 0, 22));
        assertEquals(1, IbanRecognizer.ibanRemainder("GB82 WEST 1234 5698 7654 32", 0, 27));
    }
}
