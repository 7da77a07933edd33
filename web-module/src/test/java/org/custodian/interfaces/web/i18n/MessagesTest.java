package org.custodian.interfaces.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The portal's two languages stay in step, and instants read as a person expects. */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndGermanHaveExactlyTheSameKeys() throws IOException {
        TreeSet<String> english = new TreeSet<>(load("Messages.properties").stringPropertyNames());
        TreeSet<String> german = new TreeSet<>(load("Messages_de.properties").stringPropertyNames());
        TreeSet<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(german);
        TreeSet<String> onlyGerman = new TreeSet<>(german);
        onlyGerman.removeAll(english);
        assertEquals("[] []", onlyEnglish + " " + onlyGerman,
                "keys in Messages.properties only, then in Messages_de.properties only");
        assertTrue(load("Messages_en.properties").isEmpty(), "English lives in Messages.properties");
    }

    /** Properties keeps the last of two equal keys silently: two pages' texts must never share a key. */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String file : new String[] {"Messages.properties", "Messages_de.properties"}) {
            TreeSet<String> seen = new TreeSet<>();
            TreeSet<String> twice = new TreeSet<>();
            try (InputStream in = MessagesTest.class.getResourceAsStream(file)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")
                            && !seen.add(trimmed.substring(0, trimmed.indexOf('=')).strip())) {
                        twice.add(trimmed.substring(0, trimmed.indexOf('=')).strip());
                    }
                }
            }
            assertEquals("[]", twice.toString(), file + ": keys defined more than once");
        }
    }

    @Test
    void everyTextIsAValidMessageFormat() throws IOException {
        for (String file : new String[] {"Messages.properties", "Messages_de.properties"}) {
            Properties properties = load(file);
            for (String key : properties.stringPropertyNames()) {
                String text = properties.getProperty(key);
                assertTrue(!text.isBlank(), file + " " + key + " is empty");
                new MessageFormat(text); // throws on an unbalanced brace
            }
        }
    }

    @Test
    void germanTextsAreGerman() {
        assertEquals("Speichern", Texts.in(Locale.GERMAN, "common.save"));
        assertEquals("Save", Texts.in(Locale.ENGLISH, "common.save"));
    }

    @Test
    void instantsInTheUsersZoneAndLanguage() {
        Instant instant = Instant.parse("2026-12-06T13:03:07.123456Z");
        assertEquals("6 Dec 2026, 14:03", Times.format(instant, ZoneId.of("Europe/Berlin"), Locale.ENGLISH));
        assertEquals("6. Dez. 2026, 14:03", Times.format(instant, ZoneId.of("Europe/Berlin"), Locale.GERMAN));
        assertEquals("6 Dec 2026, 08:03", Times.format(instant, ZoneId.of("America/New_York"), Locale.ENGLISH));
        assertEquals(instant, Times.instant("2026-12-06T13:03:07.123456Z"));
        assertEquals(instant, Times.instant(java.time.OffsetDateTime.parse("2026-12-06T14:03:07.123456+01:00")));
        // a ticket's or customer's field list shows times as times and everything else as it is
        assertEquals(null, Times.instant("42"));
        assertEquals(null, Times.instant("Printer on fire"));
        assertEquals(null, Times.instant(""));
    }
}
