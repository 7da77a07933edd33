package org.custodian.domain.model.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Business-time arithmetic on one calendar: a time zone, at most one working interval per weekday (minutes of the
 * local day, end 1440 = midnight) and holidays (local dates without work). Pure: no clock, no database.
 *
 * <p>Working intervals are local wall-clock times turned into instants day by day, so a day on which the clocks
 * change keeps its local opening hours (09:00-17:00 stays 8 hours) while a 24-hour day has 23 or 25 real hours. A
 * local opening time inside a spring-forward gap moves to the end of the gap ({@link ZonedDateTime#of}).
 */
public final class BusinessHours {

    /** How far ahead an addition looks before giving up (a calendar whose only working days are holidays). */
    static final int MAX_DAYS = 3700;

    private final ZoneId zone;
    private final Map<DayOfWeek, int[]> week;
    private final Set<LocalDate> holidays;

    /** {@code week}: per weekday {start minute, end minute} of the local day; absent weekdays are closed. */
    public BusinessHours(ZoneId zone, Map<DayOfWeek, int[]> week, Set<LocalDate> holidays) {
        this.zone = zone;
        this.week = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> {
            if (hours[0] < 0 || hours[1] > 1440 || hours[0] >= hours[1]) {
                throw new IllegalArgumentException(day + ": opening must be before closing within the day");
            }
            this.week.put(day, hours.clone());
        });
        if (this.week.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one working day");
        }
        this.holidays = Set.copyOf(holidays);
    }

    /** Every day, all day (e.g. for URGENT tickets): business time equals real time. */
    public static BusinessHours always(ZoneId zone) {
        Map<DayOfWeek, int[]> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, new int[] {0, 1440});
        }
        return new BusinessHours(zone, week, Set.of());
    }

    public ZoneId zone() {
        return zone;
    }

    /** The instant {@code amount} of business time after {@code start} (start itself may lie outside work). */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a negative amount of business time");
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        LocalDate date = LocalDate.ofInstant(start, zone);
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            Instant[] window = window(date);
            if (window == null || !window[1].isAfter(start)) {
                continue;
            }
            Instant from = window[0].isBefore(start) ? start : window[0];
            Duration available = Duration.between(from, window[1]);
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS + " days");
    }

    /** The business time within [from, to); zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration sum = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
            Instant[] window = window(date);
            if (window == null) {
                continue;
            }
            Instant start = window[0].isBefore(from) ? from : window[0];
            Instant end = window[1].isAfter(to) ? to : window[1];
            if (end.isAfter(start)) {
                sum = sum.plus(Duration.between(start, end));
            }
        }
        return sum;
    }

    /** Whether {@code instant} lies inside a working interval. */
    public boolean isWorking(Instant instant) {
        Instant[] window = window(LocalDate.ofInstant(instant, zone));
        return window != null && !instant.isBefore(window[0]) && instant.isBefore(window[1]);
    }

    /** The working interval of a local date as instants, or null on a closed day or holiday. */
    private Instant[] window(LocalDate date) {
        int[] hours = week.get(date.getDayOfWeek());
        if (hours == null || holidays.contains(date)) {
            return null;
        }
        return new Instant[] {at(date, hours[0]), at(date, hours[1])};
    }

    private Instant at(LocalDate date, int minute) {
        if (minute == 1440) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(date, LocalTime.of(minute / 60, minute % 60), zone).toInstant();
    }
}
