package org.custodian.application.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.custodian.domain.model.pii.PiiType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** #20: no way of writing a card number gets it into the database in clear. */
class RedactForStorageTest {

    /** redactForStorage needs neither the policy nor the audit trail (the caller audits). */
    private final DefaultPiiService pii = new DefaultPiiService();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "4111.1111.1111.1111", "4111_1111_1111_1111", "4111/1111/1111/1111", "4111\u00A01111\u00A01111\u00A01111",
        "4111\u202F1111\u202F1111\u202F1111", "４１１１ １１１１ １１１１ １１１１", "٤١١١١١١١١١١١١١١١",
        "4111\u200B1111\u200B1111\u200B1111", "135410014004955", "7000000000000005",
    })
    void everyCardIsRemovedBeforeWriting(String card) {
        Redaction redaction = pii.redactForStorage("Please charge " + card + " today");
        assertEquals(Map.of(PiiType.CREDIT_CARD, 1), redaction.counts());
        String digits = redaction.text().codePoints().filter(Character::isDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertFalse(digits.codePointCount(0, digits.length()) > 10, redaction.text());
    }
}
