package org.custodian.application.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.custodian.domain.model.notification.NotificationKind;
import org.custodian.domain.model.notification.NotificationPreference;
import org.junit.jupiter.api.Test;

class NotificationTextsTest {

    @Test
    void everyKindHasItsTextsInBothLanguages() {
        for (String language : new String[] {"en", "de"}) {
            for (NotificationKind kind : NotificationKind.values()) {
                for (boolean team : new boolean[] {false, true}) {
                    String line = NotificationTexts.listLine(language, kind, team, "#7", "agent.eu", "Network EU");
                    assertTrue(line.contains("#7"), line);
                    assertFalse(line.contains("{"), line);
                    // a team hears which team: assignment and a customer's answer can go to a team as a whole
                    assertEquals(team && kind != NotificationKind.MENTION, line.contains("Network EU"), line);
                    String[] mail = NotificationTexts.mail(language, kind, team, "[#7-ABCDEF]", "VPN drops",
                            "agent.eu", "Network EU", "Erika", "https://desk.example/ticket.xhtml?id=7");
                    assertTrue(mail[0].contains("[#7-ABCDEF]") && mail[0].contains("VPN drops"), mail[0]);
                    assertTrue(mail[1].contains("https://desk.example/ticket.xhtml?id=7"), mail[1]);
                    assertFalse(mail[0].contains("{") || mail[1].contains("{"), mail[1]);
                }
            }
        }
    }

    @Test
    void germanForGermanUsers() {
        assertEquals("agent.eu hat Ihnen das Ticket #7 zugewiesen.",
                NotificationTexts.listLine("de-DE", NotificationKind.ASSIGNED, false, "#7", "agent.eu", null));
        assertEquals("agent.eu assigned ticket #7 to you.",
                NotificationTexts.listLine("fr", NotificationKind.ASSIGNED, false, "#7", "agent.eu", null));
    }

    @Test
    void aHiddenSubjectIsSaidSoAndALineBreakCannotAddHeaders() {
        String[] hidden = NotificationTexts.mail("en", NotificationKind.MENTION, false, "#7", null, "engineer", null,
                "Erika", "http://localhost:8080/ticket.xhtml?id=7");
        assertTrue(hidden[0].contains("(not shown to you)"), hidden[0]);
        String[] broken = NotificationTexts.mail("en", NotificationKind.MENTION, false, "#7", "a\r\nBcc: x@y.z",
                "engineer", null, "Erika", "http://localhost:8080/ticket.xhtml?id=7");
        assertFalse(broken[0].contains("\n"), broken[0]);
    }

    @Test
    void defaultsAreInAppAlwaysAndMailForWhatAsksToAct() {
        NotificationPreference defaults = NotificationPreference.defaults("agent.eu", java.time.Instant.EPOCH);
        for (NotificationKind kind : NotificationKind.values()) {
            assertTrue(defaults.inApp(kind));
        }
        assertTrue(defaults.mail(NotificationKind.ASSIGNED));
        assertTrue(defaults.mail(NotificationKind.MENTION));
        assertFalse(defaults.mail(NotificationKind.CUSTOMER_REPLY));
    }
}
