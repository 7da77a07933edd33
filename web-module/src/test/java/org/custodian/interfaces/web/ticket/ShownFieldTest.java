package org.custodian.interfaces.web.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShownFieldTest {

    @Test
    void sectionsOfTheirOwnAndBookkeepingAreNotListedAmongTheFields() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", 9L);
        body.put("version", 3L);
        body.put("status", "OPEN");
        body.put("subject", "Disk full");
        body.put("redacted", List.of("CARD"));
        body.put("sla", Map.of("resolutionDue", "2026-12-08T10:00:00Z"));
        body.put("occurrences", Map.of("count", 3));
        body.put("team", Map.of("key", "ops", "name", "Operations"));
        body.put("newField", 42);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("subject", "Subject");
        labels.put("status", "Status");
        labels.put("team", "Team");

        List<ShownField> fields = ShownField.of(body, labels);

        assertEquals(List.of(new ShownField("subject", "Subject", "Disk full"), new ShownField("status", "Status",
                "OPEN"), new ShownField("team", "Team", "Operations"), new ShownField("newField", "newField", "42")),
                fields);
    }

    @Test
    void labelledFieldsTheBodyLacksAreTheHiddenOnes() {
        assertEquals(List.of("Subject"), ShownField.hidden(Map.of("status", "OPEN"),
                new LinkedHashMap<>(Map.of("subject", "Subject"))));
    }
}
