package org.custodian.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.custodian.domain.shared.PlainText;
import org.junit.jupiter.api.Test;

/** The services' common sentences said again in the page's language (#23); English stays as the API says it. */
class ServiceWordsTest {

    @Test
    void brokenTextRulesInGerman() {
        assertEquals("ist erforderlich und darf nicht leer sein",
                ServiceWords.of(Locale.GERMAN, "is required and must not be blank"));
        assertEquals("darf höchstens 1000 Zeichen lang sein",
                ServiceWords.of(Locale.GERMAN, "must be at most 1000 characters"));
        assertEquals("Ticket 42 gibt es nicht", ServiceWords.of(Locale.GERMAN, "ticket 42 does not exist"));
        assertEquals("Rechtliche Sperre 7 gibt es nicht", ServiceWords.of(Locale.GERMAN, "legal hold 7 does not exist"));
        String control = PlainText.refusal("a\u0007b").orElseThrow();
        assertEquals("darf keine Steuerzeichen enthalten (U+0007 an Position 1); erlaubt sind nur Tabulator,"
                + " Zeilenvorschub und Wagenrücklauf", ServiceWords.of(Locale.GERMAN, control));
    }

    @Test
    void englishIsWhatTheServiceSaid() {
        for (String said : new String[] {"is required and must not be blank", "must be at most 1000 characters",
                "ticket 42 does not exist", "must be at least 10 characters: say specifically why (it is kept in the"
                        + " audit trail)", PlainText.refusal("a\u0007b").orElseThrow(),
                PlainText.refusal("a\uD800b").orElseThrow()}) {
            assertEquals(said, ServiceWords.of(Locale.ENGLISH, said));
        }
    }

    @Test
    void anUnknownSentenceIsShownAsItIs() {
        String said = "tickets 1 and 2 are already linked";
        assertEquals(said, ServiceWords.of(Locale.GERMAN, said));
    }
}
