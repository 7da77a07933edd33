package org.custodian.application.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A partial update (JSON merge patch): only the keys present change; a present null clears an
 * optional field. Values are the client's text, checked by the service.
 */
public record TicketChanges(Map<String, String> values) {

    /** Fields a PATCH may name. Region and customer are fixed for the life of a ticket. */
    public static final Set<String> PATCHABLE = Set.of("subject", "description", "status",
            "priority", "category", "productSku", "siteCode", "assignee", "team", "resolvedAt");

    public boolean has(String field) {
        return values.containsKey(field);
    }

    public String get(String field) {
        return values.get(field);
    }

    public String getOr(String field, String current) {
        return values.containsKey(field) ? values.get(field) : current;
    }

    public static Instant parseInstant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
