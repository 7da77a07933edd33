package org.custodian.interfaces.rest.shared;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.domain.shared.RuleCheck;

/** What the API's merge patches (RFC 7396) and paged queries share: their values read once, bad ones named. */
public final class MergePatch {

    private MergePatch() {
    }

    /**
     * The patch's values: strings, or null to clear an optional field; anything else, and an empty patch, is a 422
     * naming the field ({@code empty} says what an empty patch should have named).
     */
    public static Map<String, String> stringValues(JsonObject patch, String empty) {
        Map<String, String> values = new LinkedHashMap<>();
        RuleCheck check = new RuleCheck();
        for (Map.Entry<String, JsonValue> entry : patch.entrySet()) {
            JsonValue value = entry.getValue();
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                values.put(entry.getKey(), null);
            } else if (value instanceof JsonString text) {
                values.put(entry.getKey(), text.getString());
            } else {
                check.require(false, entry.getKey(), "must be a string, or null to clear an optional field");
            }
        }
        check.require(!patch.isEmpty(), "body", empty);
        check.throwIfAny();
        return values;
    }

    /** A query parameter's whole number, its default when absent; a non-number is recorded on {@code check}. */
    public static int wholeNumber(String text, int defaultValue, String field, RuleCheck check) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            check.require(false, field, "must be a whole number");
            return defaultValue;
        }
    }
}
