package org.custodian.application.imports;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.custodian.domain.shared.RuleCheck;

/**
 * Which source column feeds which Custodian field: a JSON object {"customer.email": "Customer Email", ...}. Fields
 * left out stay empty (or take the import's defaults: region, category, priority NORMAL, visibility PUBLIC).
 */
public final class ImportMapping {

    /** The layout of a FreeScout conversation export, one row per thread (see docs/formats.md). */
    public static final ImportMapping FREESCOUT = new ImportMapping(defaults());

    private final Map<ImportField, String> columns;

    private ImportMapping(Map<ImportField, String> columns) {
        this.columns = Collections.unmodifiableMap(columns);
    }

    private static Map<ImportField, String> defaults() {
        Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
        columns.put(ImportField.CUSTOMER_EXTERNAL_ID, "Customer ID");
        columns.put(ImportField.CUSTOMER_NAME, "Customer Name");
        columns.put(ImportField.CUSTOMER_EMAIL, "Customer Email");
        columns.put(ImportField.CUSTOMER_PHONE, "Customer Phone");
        columns.put(ImportField.TICKET_EXTERNAL_ID, "Conversation ID");
        columns.put(ImportField.TICKET_SUBJECT, "Subject");
        columns.put(ImportField.TICKET_CREATED_AT, "Conversation Created At");
        columns.put(ImportField.COMMENT_EXTERNAL_ID, "Thread ID");
        columns.put(ImportField.COMMENT_BODY, "Body");
        columns.put(ImportField.COMMENT_VISIBILITY, "Thread Type");
        columns.put(ImportField.COMMENT_CREATED_AT, "Thread Created At");
        return columns;
    }

    /** The mapping a caller gave (null or blank: the FreeScout default); a malformed one is a 422. */
    public static ImportMapping parse(String json) {
        if (json == null || json.isBlank()) {
            return FREESCOUT;
        }
        RuleCheck check = new RuleCheck();
        JsonObject object;
        try (var reader = Json.createReader(new StringReader(json))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            check.require(false, "mapping", "must be a JSON object of Custodian field to source column, e.g."
                    + " {\"customer.email\": \"Email\"}").throwIfAny();
            return null;
        }
        Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            var field = ImportField.named(entry.getKey());
            check.require(field.isPresent(), "mapping." + entry.getKey(), "is not a field an import can fill; one"
                    + " of " + Arrays.stream(ImportField.values()).map(ImportField::fieldName).toList());
            boolean text = entry.getValue() instanceof JsonString column && !column.getString().isBlank()
                    && column.getString().length() <= 200;
            check.require(text, "mapping." + entry.getKey(), "must name a source column (a string of 1-200"
                    + " characters)");
            if (field.isPresent() && text) {
                columns.put(field.get(), ((JsonString) entry.getValue()).getString());
            }
        }
        for (ImportField field : ImportField.values()) {
            check.require(!field.required() || object.containsKey(field.fieldName()), "mapping."
                    + field.fieldName(), "is required: name the source column that holds it");
        }
        check.require(columns.containsKey(ImportField.COMMENT_BODY)
                || !columns.containsKey(ImportField.COMMENT_EXTERNAL_ID), "mapping." + ImportField.COMMENT_BODY
                .fieldName(), "is required when comment.externalId is mapped");
        check.throwIfAny();
        return new ImportMapping(columns);
    }

    /** Every mapped column must be in the file's header (a CSV's first record; JSON lines have none). */
    public void requireColumns(Collection<String> header, RuleCheck check) {
        columns.forEach((field, column) -> check.require(header.contains(column), "mapping." + field.fieldName(),
                "names the column \"" + column + "\", which the file's header does not have"));
    }

    public String column(ImportField field) {
        return columns.get(field);
    }

    public boolean maps(ImportField field) {
        return columns.containsKey(field);
    }

    public String toJson() {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        columns.forEach((field, column) -> builder.add(field.fieldName(), column));
        return builder.build().toString();
    }
}
