package org.custodian.application.shared;

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

    /** Empty strings mean "no value" for optional fields. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
