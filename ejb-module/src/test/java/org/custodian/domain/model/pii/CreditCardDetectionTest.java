package org.custodian.domain.model.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCardDetectionTest {

    private static List<String> cards(String text) {
        return Detected.values(PiiType.CREDIT_CARD, text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "4111111111111111",       // Visa 16
        "4222222222222",          // Visa 13
        "4111111111111111110",    // Visa 19 (longest PAN)
        "5555555555554444",       // Mastercard 51-55
        "2221000000000009",       // Mastercard 2-series, low end
        "2720999999999996",       // Mastercard 2-series, high end
        "378282246310005",        // Amex 37
        "340000000000009",        // Amex 34
        "6011111111111117",       // Discover 6011
        "6445644564456445",       // Discover 644-649
        "6500000000000002",       // Discover 65
        "6221260000000000",       // Discover 622126
        "3530111333300000",       // JCB
        "3589000000000003",       // JCB upper bound
        "30569309025904",         // Diners 300-305
        "36006666333344",         // Diners 36
        "3841001111222233",       // Diners 38 (16 digits)
        "6200000000000005",       // UnionPay
        "501800000009",           // Maestro 50, 12 digits (shortest PAN)
        "5600000000000003",       // Maestro 56
    })
    void validPanOfEveryIssuerFamilyIsFound(String pan) {
        assertEquals(List.of(pan), cards("Card: " + pan + "."));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "4111111111111112",    // Luhn off by one
        "5555555555554445",
        "378282246310006",
        "501800000008",
    })
    void luhnInvalidNumbersAreNotCards(String number) {
        assertEquals(List.of(), cards("Card: " + number + "."));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1234567812345670",    // Luhn-valid, no issuer starts with 1
        "7000000000000007",    // Luhn-valid, unknown issuer
        "3782822463100050",    // Amex prefix but 16 digits
        "5105105105105",       // Mastercard prefix but 13 digits (Luhn-valid)
        "41111111111",         // 11 digits: too short
    })
    void unknownIssuerOrWrongLengthIsNotACard(String number) {
        assertEquals(List.of(), cards("Number " + number + " here"));
    }

    @Test
    void groupedWithSpacesOrDashes() {
        assertEquals(List.of("4111 1111 1111 1111"), cards("Karte 4111 1111 1111 1111, danke"));
        assertEquals(List.of("4111-1111-1111-1111"), cards("card 4111-1111-1111-1111."));
        assertEquals(List.of("3782 822463 10005"), cards("Amex 3782 822463 10005"));
    }

    @Test
    void mixedSeparatorsAreStillOneCard() {
        // #20: a pasted number may mix a no-break space, a space and a dash; the groups are what matters
        assertEquals(List.of("4111 1111-1111 1111"), cards("4111 1111-1111 1111"));
    }

    @Test
    void oddGroupsAreNotCards() {
        assertEquals(List.of(), cards("41 11 11 11 11 11 11 11"));
        assertEquals(List.of(), cards("4111  1111  1111  1111"));
    }

    @Test
    void partOfALongerDigitOrLetterRunIsNotACard() {
        assertEquals(List.of(), cards("41111111111111110"));
        assertEquals(List.of(), cards("X4111111111111111"));
        assertEquals(List.of(), cards("4111111111111111abc"));
        assertEquals(List.of(), cards("ORD-4111111111111111"));
        assertEquals(List.of(), cards("4111 1111 1111 1111 1111"));
        assertEquals(List.of(), cards("12 4111 1111 1111 1111"));
    }

    @Test
    void severalCardsInOneText() {
        assertEquals(List.of("4111111111111111", "5555 5555 5555 4444"),
                cards("old 4111111111111111, new 5555 5555 5555 4444"));
    }

    /** A card followed by more digits (its CVV, a reference that starts with a digit) is still the card. */
    @Test
    void aCardFollowedByMoreDigitsIsStillFound() {
        assertEquals(List.of("5555.5555.5555.4444"), cards("New card 5555.5555.5555.4444 5c0a0635"));
        assertEquals(List.of("4111 1111 1111 1111"), cards("card 4111 1111 1111 1111 123 exp 12/27"));
        assertEquals(List.of("4111-1111-1111-1111"), cards("4111-1111-1111-1111 4711 (ticket)"));
        assertEquals(List.of(), cards("order 1234 5678 9012 3456 7890"), "no prefix of it passes Luhn");
    }
}
