package org.custodian.application.audit.anomaly;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Local business hours, Monday to Friday, as {@code custodian.alerts.business-hours} gives them
 * ({@code 07:00-20:00}: from opening, inclusive, to closing, exclusive). Parsed once at start-up, not per event.
 */
record BusinessHours(LocalTime open, LocalTime close) {

    static final String KEY = "custodian.alerts.business-hours";
    static final String DEFAULT = "07:00-20:00";

    BusinessHours {
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("opening " + open + " must be before closing " + close);
        }
    }

    /**
     * The configured value, or an {@link IllegalStateException} naming the key (thrown at start-up, it stops the
     * deployment instead of failing every scan later).
     */
    static BusinessHours fromConfig(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY + " (CUSTODIAN_ALERTS_BUSINESS_HOURS) must be HH:mm-HH:mm with the "
                    + "opening before the closing, e.g. " + DEFAULT + "; got '" + value + "': " + e.getMessage(), e);
        }
    }

    static BusinessHours parse(String value) {
        String[] span = value == null ? new String[0] : value.split("-", -1);
        if (span.length != 2) {
            throw new IllegalArgumentException("expected two times separated by '-'");
        }
        try {
            return new BusinessHours(LocalTime.parse(span[0].trim()), LocalTime.parse(span[1].trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + e.getParsedString() + "' is not a time such as 07:00", e);
        }
    }

    /** Whether a local time falls outside the hours, or at a weekend. */
    boolean excludes(ZonedDateTime local) {
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        LocalTime time = local.toLocalTime();
        return weekend || time.isBefore(open) || !time.isBefore(close);
    }

    @Override
    public String toString() {
        return open + "-" + close;
    }
}
