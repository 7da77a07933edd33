package org.custodian.interfaces.web.ticket;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One field of a record as the policy let this user see it, with the label the page shows. */
public record ShownField(String key, String label, String value) implements Serializable {

    /**
     * The fields of {@code body} in the order of {@code labels} (others after them); fields the policy left out
     * are simply absent, as in the API.
     */
    static List<ShownField> of(Map<String, Object> body, Map<String, String> labels) {
        List<ShownField> fields = new ArrayList<>();
        Map<String, Object> rest = new LinkedHashMap<>(body);
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (rest.containsKey(label.getKey())) {
                Object value = rest.remove(label.getKey());
                fields.add(new ShownField(label.getKey(), label.getValue(), display(value)));
            }
        }
        rest.remove("id");
        rest.remove("version");
        // what was cut at ingest is said in a sentence above the fields, not as a raw list among them
        rest.remove("redacted");
        // the SLA clocks (#25) have a section of their own (ticket-sla.xhtml)
        rest.remove("sla");
        // and so does a monitoring ticket's alert counter (#24, ticket-occurrences.xhtml)
        rest.remove("occurrences");
        rest.forEach((key, value) -> fields.add(new ShownField(key, key, value == null ? "" : String.valueOf(value))));
        return fields;
    }

    /** A value as the page shows it: a reference such as a ticket's team ({"key","name"}) by its name (#23). */
    private static String display(Object value) {
        if (value instanceof Map<?, ?> named && named.get("name") != null) {
            return String.valueOf(named.get("name"));
        }
        return value == null ? "" : String.valueOf(value);
    }

    /** The labelled fields that {@code body} does not have: what the policy did not show this user. */
    static List<String> hidden(Map<String, Object> body, Map<String, String> labels) {
        return labels.entrySet().stream().filter(label -> !body.containsKey(label.getKey())).map(Map.Entry::getValue)
                .toList();
    }
}
