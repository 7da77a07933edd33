package org.custodian.domain.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldMasksTest {

    @Test
    void emailKeepsFirstCharacterAndDomain() {
        assertEquals("j***@example.com", FieldMasks.mask(MaskStyle.EMAIL, "jane.doe@example.com"));
        assertEquals("a***@mail.example.co.uk", FieldMasks.mask(MaskStyle.EMAIL, "a@mail.example.co.uk"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-address", "@example.com", ""})
    void valueThatIsNoEmailAddressIsStarredWhole(String value) {
        assertEquals("***", FieldMasks.mask(MaskStyle.EMAIL, value));
    }

    @Test
    void phoneKeepsLastTwoDigitsAndSeparators() {
        assertEquals("+** ** *****67", FieldMasks.mask(MaskStyle.PHONE, "+49 30 1234567"));
        assertEquals("(***) ***-**47", FieldMasks.mask(MaskStyle.PHONE, "(212) 555-0147"));
        assertEquals("****42", FieldMasks.mask(MaskStyle.PHONE, "123442"));
    }

    @Test
    void nameBecomesInitials() {
        assertEquals("J. D.", FieldMasks.mask(MaskStyle.NAME, "Jane Doe"));
        assertEquals("J. v. d. B.", FieldMasks.mask(MaskStyle.NAME, "Jane van der Berg"));
    }

    @Test
    void nameInitialsSplitOnHyphensAndRunsOfWhitespace() {
        assertEquals("A. M. S.", FieldMasks.mask(MaskStyle.NAME, "  Anne-Marie \t Smith  "));
        assertEquals("C.", FieldMasks.mask(MaskStyle.NAME, "Cher"));
    }

    @Test
    void nameInitialsKeepWholeCodePoints() {
        assertEquals("Ø. Ø.", FieldMasks.mask(MaskStyle.NAME, "Ørjan Ødegård"));
        // a supplementary character must not be cut in half
        assertEquals("\uD835\uDC9C. D.", FieldMasks.mask(MaskStyle.NAME, "\uD835\uDC9Clice Doe"));
    }

    @Test
    void freeTextHasDetectedSpansMaskedAndTheRestKept() {
        assertEquals("Call me on +** ** *****67 or mail j***@example.com, thanks",
                FieldMasks.mask(MaskStyle.FREE_TEXT, "Call me on +49 30 1234567 or mail jane.doe@example.com, thanks"));
        assertEquals("card 4111 11** **** 1111 declined",
                FieldMasks.mask(MaskStyle.FREE_TEXT, "card 4111 1111 1111 1111 declined"));
    }

    @Test
    void freeTextWithoutPiiIsUnchanged() {
        assertEquals("Printer on floor 3 is jammed", FieldMasks.mask(MaskStyle.FREE_TEXT, "Printer on floor 3 is jammed"));
    }

    @Test
    void maskDetectedIsTheFreeTextMaskAndPassesNullThrough() {
        assertEquals("ssn ***-**-1234", FieldMasks.maskDetected("ssn 536-22-1234"));
        assertNull(FieldMasks.maskDetected(null));
    }

    @Test
    void identifierKeepsLastFourOnceLongEnoughIgnoringSeparators() {
        assertEquals("*****6789", FieldMasks.mask(MaskStyle.IDENTIFIER, "123-45-6789"));
        assertEquals("****5678", FieldMasks.mask(MaskStyle.IDENTIFIER, "1234 5678"));
        assertEquals("****3456", FieldMasks.mask(MaskStyle.IDENTIFIER, "AB123456"));
    }

    @Test
    void identifierTailIsUpperCased() {
        assertEquals("******34EF", FieldMasks.mask(MaskStyle.IDENTIFIER, "ab12cd34ef"));
    }

    @Test
    void identifierShorterThanEightCharactersIsAllStars() {
        assertEquals("*******", FieldMasks.mask(MaskStyle.IDENTIFIER, "1234567"));
        assertEquals("******", FieldMasks.mask(MaskStyle.IDENTIFIER, "12-34-56"));
        assertEquals("", FieldMasks.mask(MaskStyle.IDENTIFIER, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "2026-01-10T10:00:00Z", "jane@example.com"})
    void noneHasNoPartialForm(String value) {
        assertNull(FieldMasks.mask(MaskStyle.NONE, value));
    }

    @ParameterizedTest
    @EnumSource(MaskStyle.class)
    void nullStaysNullInEveryStyle(MaskStyle style) {
        assertNull(FieldMasks.mask(style, null));
    }
}
