package org.custodian.application.shared;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.custodian.domain.shared.RuleCheck;

/** Turns the text a client sent into domain values, reporting a field violation instead of failing. */
public final class Inputs {

    private Inputs() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, boolean required,
            RuleCheck check) {
        if (value == null || value.isBlank()) {
            check.require(!required, field, "is required; one of " + names(type));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            check.require(false, field, "'" + value + "' is not allowed; one of " + names(type));
            return null;
        }
    }

    /** An ISO-8601 UTC instant such as 2026-12-31T17:00:00Z; blank is "no value" (a violation if required). */
    public static Instant instant(String text, String field, boolean required, RuleCheck check) {
        if (text == null || text.isBlank()) {
            check.require(!required, field, "is required: an ISO-8601 UTC time such as 2026-12-31T17:00:00Z");
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            check.require(false, field, "must be an ISO-8601 UTC time such as 2026-12-31T17:00:00Z");
            return null;
        }
    }

    /** Empty strings mean "no value" for optional fields. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
