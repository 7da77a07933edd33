package org.custodian.domain.model.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsnDetectionTest {

    private static List<String> ssns(String text) {
        return Detected.values(PiiType.US_SSN, text);
    }

    @Test
    void dashedAndSpacedFormsAreFound() {
        assertEquals(List.of("536-22-1234"), ssns("My SSN is 536-22-1234."));
        assertEquals(List.of("536 22 1234"), ssns("Update record to 536 22 1234 please"));
        assertEquals(List.of("001-01-0001"), ssns("lowest: 001-01-0001"));
        assertEquals(List.of("899-99-9999"), ssns("highest: 899-99-9999"));
    }

    @Test
    void plainNineDigitsNeedAKeywordShortlyBefore() {
        assertEquals(List.of("536221234"), ssns("SSN: 536221234"));
        assertEquals(List.of("536221234"), ssns("Social Security number 536221234"));
        assertEquals(List.of(), ssns("Reference 536221234"));
        assertEquals(List.of(), ssns("SSN mentioned long ago, reference 536221234"));
        assertEquals(List.of(), ssns("classNumber 536221234"), "ssn inside a word is no keyword");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "000-12-3456", // area 000
        "666-12-3456", // area 666
        "900-12-3456", // area 900-999
        "999-12-3456",
        "536-00-1234", // group 00
        "536-12-0000", // serial 0000
        "078-05-1120", // Woolworth wallet card
        "219-09-9999", // advertising
        "123-45-6789", // example number
        "987-65-4320", // advertising block 4320..4329
        "987-65-4329",
    })
    void invalidOrAdvertisedNumbersAreRejected(String ssn) {
        assertEquals(List.of(), ssns("SSN " + ssn));
    }

    @Test
    void mixedSeparatorsOrLongerRunsAreRejected() {
        assertEquals(List.of(), ssns("536-22 1234"));
        assertEquals(List.of(), ssns("536-22-12345"));
        assertEquals(List.of(), ssns("1536-22-1234"));
        assertEquals(List.of(), ssns("536-22-1234-7"));
        assertEquals(List.of(), ssns("ID-536-22-1234"));
        assertEquals(List.of(), ssns("SSN 5362212345"));
    }
}
