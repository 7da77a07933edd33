package org.custodian.application.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionsTest {

    private static List<String> in(String text) {
        return List.copyOf(Mentions.in(text));
    }

    @Test
    void namesAfterAnAtSign() {
        assertEquals(List.of("agent.eu", "engineer"), in("@agent.eu please check with @engineer"));
    }

    @Test
    void punctuationAfterTheNameEndsIt() {
        assertEquals(List.of("agent.eu", "engineer", "supervisor"),
                in("Thanks @agent.eu. Ask @engineer, then (@supervisor)!"));
        assertEquals(List.of("agent.us"), in("@agent.us's call"));
    }

    @Test
    void anAddressIsNoMention() {
        assertEquals(List.of(), in("write to jane.doe@example.com or support@custodian.test"));
        assertEquals(List.of("engineer"), in("jane@example.com asked @engineer"));
    }

    @Test
    void eachOnceInOrderAndLowerCase() {
        assertEquals(List.of("engineer", "agent.eu"), in("@Engineer @agent.eu @engineer"));
    }

    @Test
    void usernamesWithAtSignsAndDashes() {
        assertEquals(List.of("j-doe@corp.example"), in("cc @j-doe@corp.example."));
        assertEquals(List.of("a"), in("@a"));
    }

    @Test
    void nothingWithoutAName() {
        assertTrue(Mentions.in(null).isEmpty());
        assertTrue(Mentions.in("").isEmpty());
        assertTrue(Mentions.in("@ @. @@ @-x").isEmpty());
        assertTrue(Mentions.in("no mention here").isEmpty());
    }

    @Test
    void atMostTwenty() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append(" @user").append(i);
        }
        Set<String> names = Mentions.in(text.toString());
        assertEquals(20, names.size());
        assertTrue(names.contains("user0") && names.contains("user19") && !names.contains("user20"));
    }
}
