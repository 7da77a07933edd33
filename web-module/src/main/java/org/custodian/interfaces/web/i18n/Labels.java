package org.custodian.interfaces.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Stored values (statuses, priorities, roles, classifications, regions) as the page's language names them, the
 * value itself unchanged in the data: {@code #{labels.status(ticket.status)}} shows bundle key {@code status.OPEN}.
 * A value without a key shows as it is, so a new enum constant is never hidden.
 */
@Named("labels")
@ApplicationScoped
public class Labels {

    public String of(String kind, Object value) {
        return label(kind, value);
    }

    /** For Java code (a bean's message): the same as {@code #{labels.of(kind, value)}}. */
    public static String label(String kind, Object value) {
        if (value == null) {
            return "";
        }
        String name = value instanceof Enum<?> constant ? constant.name() : value.toString();
        String text = Texts.optional(Texts.currentLocale(), kind + "." + name);
        return text == null ? name : text;
    }

    /**
     * A record's field as a page shows it (#23): a ticket's status and priority in words, anything else as it is
     * (times stay instants, so {@code cst:time} still formats them).
     */
    public Object field(String key, Object value) {
        if (value == null || value.toString().isEmpty()) {
            return value;
        }
        return switch (key == null ? "" : key) {
            case "status" -> status(value);
            case "priority" -> priority(value);
            default -> value;
        };
    }

    public String status(Object value) {
        return of("status", value);
    }

    public String priority(Object value) {
        return of("priority", value);
    }

    public String role(Object value) {
        return of("role", value);
    }

    public String classification(Object value) {
        return of("classification", value);
    }

    /** Several values of one kind, comma-separated ("Agent, Supervisor"); a dash for none. */
    public String list(String kind, Collection<?> values) {
        return values == null || values.isEmpty() ? "–"
                : values.stream().map(value -> of(kind, value)).collect(Collectors.joining(", "));
    }

    /** Several roles, as a comma-separated string of names ("AGENT, SUPERVISOR") or a collection. */
    public String roles(Object values) {
        if (values instanceof Collection<?> collection) {
            return list("role", collection);
        }
        String text = values == null ? "" : values.toString().trim();
        return text.isEmpty() ? "–" : java.util.Arrays.stream(text.split("\\s*,\\s*")).map(this::role)
                .collect(Collectors.joining(", "));
    }
}
