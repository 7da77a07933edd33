package org.custodian.domain.model.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The normalization step of #20: what the recognizers read, and the way back to the original spans. */
class NormalizedTextTest {

    @Test
    void asciiIsReadAsIs() {
        String text = "card 4111 1111 1111 1111";
        assertSame(text, NormalizedText.of(text).text());
    }

    @Test
    void digitsSpacesDashesAndFullWidthFormsBecomeAscii() {
        assertEquals("4111 1111-1111.1111_1111/1", NormalizedText.of("４１１１\u00A0١١١١\u2013۱۱۱۱．1111＿1111／1").text());
        assertEquals("DE89 3704", NormalizedText.of("ＤＥ８９\u30003704").text());
        assertEquals("jane@example.com", NormalizedText.of("jane＠example.com").text());
    }

    @Test
    void invisibleCharactersAreDropped() {
        assertEquals("41111111", NormalizedText.of("4111\u200B11\u00AD11\u200E").text());
    }

    @Test
    void aFindingMapsBackToTheOriginalSpanSeparatorsIncluded() {
        String text = "Karte ４１１１\u3000１１１１\u3000１１１１\u3000１１１１!";
        assertEquals(List.of(new PiiFinding(PiiType.CREDIT_CARD, 6, 25)), new PiiDetector().scan(text));
    }

    @Test
    void digitsOutsideTheBmpMapBackToBothHalves() {
        String bold = "𝟒𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏";
        String text = "x " + bold + " y";
        assertEquals(List.of(new PiiFinding(PiiType.CREDIT_CARD, 2, 2 + bold.length())), new PiiDetector().scan(text));
        assertEquals("x 𝟒𝟏𝟏𝟏𝟏𝟏******𝟏𝟏𝟏𝟏 y", PiiMasker.mask(text, new PiiDetector().scan(text)));
    }

    @Test
    void theMaskerStarsDigitsOfEveryScript() {
        assertEquals("４１１１\u3000１１**\u3000****\u3000１１１１",
                PiiMasker.maskValue(PiiType.CREDIT_CARD, "４１１１\u3000１１１１\u3000１１１１\u3000１１１１"));
        assertEquals("٤١١١١١******١١١١", PiiMasker.maskValue(PiiType.CREDIT_CARD, "٤١١١١١١١١١١١١١١١"));
        assertEquals("***-**-1234", PiiMasker.maskValue(PiiType.US_SSN, "５３６－２２－１２３４"));
        assertEquals("ＧＢ８２\u3000****\u3000****\u3000****\u3000**５４\u3000３２",
                PiiMasker.maskValue(PiiType.IBAN, "ＧＢ８２\u3000ＷＥＳＴ\u3000１２３４\u3000５６９８\u3000７６５４\u3000３２"));
        assertEquals("DE89\u00A0****\u00A0****\u00A0****\u00A0**30\u00A000",
                PiiMasker.maskValue(PiiType.IBAN, "DE89\u00A03704\u00A00044\u00A00532\u00A00130\u00A000"));
    }
}
