package org.custodian.application.customer;

import java.util.Map;
import java.util.Set;

/** A JSON merge patch of a customer: field to new text, null to clear an optional field. */
public record CustomerChanges(Map<String, String> values) {

    /** What a PATCH may change; the region (where the data lives) and the ids are not among them. */
    public static final Set<String> PATCHABLE = Set.of("name", "email", "phone", "nationalId");

    public CustomerChanges {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    public String get(String field) {
        return values.get(field);
    }
}
