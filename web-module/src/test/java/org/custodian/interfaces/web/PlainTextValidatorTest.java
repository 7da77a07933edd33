package org.custodian.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.validator.ValidatorException;
import org.junit.jupiter.api.Test;

class PlainTextValidatorTest {

    private final PlainTextValidator validator = new PlainTextValidator();

    @Test
    void refusesWhatTheApiRefuses() {
        for (String bad : new String[] {"a\u0000b", "x\u001b[31m", "half \ud800 pair", "\u007f"}) {
            ValidatorException refused = assertThrows(ValidatorException.class,
                    () -> validator.validate(null, null, bad), bad);
            assertTrue(refused.getFacesMessage().getSummary().startsWith("This field must"), refused::getMessage);
        }
    }

    @Test
    void letsPeoplesTextThrough() {
        for (String good : new String[] {"Line one\r\nline two\ttab", "Zoë 😀 日本", "", null}) {
            assertDoesNotThrow(() -> validator.validate(null, null, good));
        }
        assertDoesNotThrow(() -> validator.validate(null, null, 42L));
    }
}
