package org.custodian.domain.model.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.domain.shared.RuleCheck;

/**
 * The text forms of a calendar's week ({@code MONDAY=09:00-17:00;TUESDAY=...}) and holidays ({@code 2026-12-25,...}):
 * what the API takes and the columns keep.
 */
public final class WorkingWeek {

    private static final Pattern HOURS = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])-(([01][0-9]|2[0-3]):([0-5][0-9])|24:00)");

    private WorkingWeek() {
    }

    /** {@code "09:00-17:30"} as {start minute, end minute}, or null (and a violation) when malformed. */
    public static int[] parseHours(String day, String text, RuleCheck check) {
        Matcher m = text == null ? null : HOURS.matcher(text.trim());
        if (m == null || !m.matches()) {
            check.require(false, "hours." + day, "must be like 09:00-17:00 (24:00 for midnight)");
            return null;
        }
        int start = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        int end = m.group(4) == null ? 1440 : Integer.parseInt(m.group(4)) * 60 + Integer.parseInt(m.group(5));
        check.require(start < end, "hours." + day, "must open before it closes (one interval within the day)");
        return start < end ? new int[] {start, end} : null;
    }

    /** Weekday names (MONDAY..SUNDAY, any case) to hours; unknown names are violations. */
    public static Map<DayOfWeek, int[]> parseWeek(Map<String, String> given, RuleCheck check) {
        Map<DayOfWeek, int[]> week = new EnumMap<>(DayOfWeek.class);
        if (given == null || given.isEmpty()) {
            check.require(false, "hours", "name at least one working day, e.g. {\"MONDAY\": \"09:00-17:00\"}");
            return week;
        }
        given.forEach((name, hours) -> {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                check.require(false, "hours." + name, "is not a weekday (MONDAY ... SUNDAY)");
                return;
            }
            int[] parsed = parseHours(day.name(), hours, check);
            if (parsed != null) {
                week.put(day, parsed);
            }
        });
        return week;
    }

    public static TreeSet<LocalDate> parseHolidays(Iterable<String> given, RuleCheck check) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        if (given == null) {
            return dates;
        }
        for (String text : given) {
            try {
                dates.add(LocalDate.parse(text.trim()));
            } catch (DateTimeParseException | NullPointerException e) {
                check.require(false, "holidays", "must be dates like 2026-12-25 (" + text + " is not)");
            }
        }
        check.require(dates.size() <= 400, "holidays", "list at most 400 dates");
        return dates;
    }

    public static String weekColumn(Map<DayOfWeek, int[]> week) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(week).forEach((day, hours) -> text.append(text.length() == 0 ? "" : ";").append(day.name())
                .append('=').append(format(hours)));
        return text.toString();
    }

    public static Map<DayOfWeek, int[]> week(String column) {
        Map<DayOfWeek, int[]> week = new EnumMap<>(DayOfWeek.class);
        for (String part : column.split(";")) {
            String[] pair = part.split("=");
            RuleCheck ignored = new RuleCheck();
            week.put(DayOfWeek.valueOf(pair[0]), parseHours(pair[0], pair[1], ignored));
        }
        return week;
    }

    /** For views: weekday name to "09:00-17:00", Monday first. */
    public static Map<String, String> weekView(String column) {
        Map<String, String> view = new java.util.LinkedHashMap<>();
        new TreeMap<>(week(column)).forEach((day, hours) -> view.put(day.name(), format(hours)));
        return view;
    }

    public static String format(int[] hours) {
        return String.format(Locale.ROOT, "%02d:%02d-%02d:%02d", hours[0] / 60, hours[0] % 60, hours[1] / 60,
                hours[1] % 60);
    }

    public static String holidaysColumn(Iterable<LocalDate> dates) {
        StringBuilder text = new StringBuilder();
        for (LocalDate date : dates) {
            text.append(text.length() == 0 ? "" : ",").append(date);
        }
        return text.toString();
    }

    public static TreeSet<LocalDate> holidays(String column) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        if (column != null && !column.isBlank()) {
            for (String part : column.split(",")) {
                dates.add(LocalDate.parse(part));
            }
        }
        return dates;
    }
}
