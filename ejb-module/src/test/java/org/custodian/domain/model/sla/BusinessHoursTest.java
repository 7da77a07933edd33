package org.custodian.domain.model.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Monday to Friday 09:00-17:00. */
    private static BusinessHours office(ZoneId zone, LocalDate... holidays) {
        Map<DayOfWeek, int[]> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            week.put(day, new int[] {9 * 60, 17 * 60});
        }
        return new BusinessHours(zone, week, Set.of(holidays));
    }

    private static Instant local(ZoneId zone, String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    @Test
    void withinOneWorkingDay() {
        BusinessHours hours = office(BERLIN);
        // 2026-12-07 is a Monday
        assertEquals(local(BERLIN, "2026-12-07T12:30"), hours.plus(local(BERLIN, "2026-12-07T10:00"),
                Duration.ofMinutes(150)));
    }

    @Test
    void endingExactlyAtClosingStaysThatDay() {
        BusinessHours hours = office(BERLIN);
        assertEquals(local(BERLIN, "2026-12-07T17:00"), hours.plus(local(BERLIN, "2026-12-07T09:00"),
                Duration.ofHours(8)));
    }

    @Test
    void startBeforeOpeningCountsFromOpening() {
        BusinessHours hours = office(BERLIN);
        assertEquals(local(BERLIN, "2026-12-07T11:00"), hours.plus(local(BERLIN, "2026-12-07T06:15"),
                Duration.ofHours(2)));
    }

    @Test
    void startAfterClosingCountsFromNextOpening() {
        BusinessHours hours = office(BERLIN);
        assertEquals(local(BERLIN, "2026-12-08T10:00"), hours.plus(local(BERLIN, "2026-12-07T19:40"),
                Duration.ofHours(1)));
    }

    @Test
    void fridayAfternoonRunsIntoMondayOverTheWeekend() {
        BusinessHours hours = office(BERLIN);
        // Friday 2026-12-11 16:00 + 4 h: 1 h on Friday, 3 h on Monday
        assertEquals(local(BERLIN, "2026-12-14T12:00"), hours.plus(local(BERLIN, "2026-12-11T16:00"),
                Duration.ofHours(4)));
    }

    @Test
    void startOnSaturdayCountsFromMonday() {
        BusinessHours hours = office(BERLIN);
        assertEquals(local(BERLIN, "2026-12-14T09:30"), hours.plus(local(BERLIN, "2026-12-12T11:00"),
                Duration.ofMinutes(30)));
    }

    @Test
    void holidaysAreSkipped() {
        // Christmas 2026: Friday 25th is a holiday, Thursday 24th too
        BusinessHours hours = office(BERLIN, LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25));
        assertEquals(local(BERLIN, "2026-12-28T10:00"), hours.plus(local(BERLIN, "2026-12-23T16:00"),
                Duration.ofHours(2)));
    }

    @Test
    void targetOverSeveralDays() {
        BusinessHours hours = office(BERLIN);
        // 3 working days (24 h) from Wednesday 10:00: Wed 7 h, Thu 8, Fri 8, Mon 1 -> Monday 10:00
        assertEquals(local(BERLIN, "2026-12-14T10:00"), hours.plus(local(BERLIN, "2026-12-09T10:00"),
                Duration.ofHours(24)));
    }

    @Test
    void berlinSpringForwardKeepsLocalOfficeHours() {
        BusinessHours hours = office(BERLIN);
        // clocks go forward on Sunday 2026-03-29; Friday 16:00 + 2 h -> Monday 10:00 local (CEST now)
        Instant due = hours.plus(local(BERLIN, "2026-03-27T16:00"), Duration.ofHours(2));
        assertEquals(local(BERLIN, "2026-03-30T10:00"), due);
        assertEquals(Instant.parse("2026-03-30T08:00:00Z"), due);
    }

    @Test
    void berlinFallBackOnAllDayCalendarCountsRealHours() {
        BusinessHours always = BusinessHours.always(BERLIN);
        // 2026-10-25 has 25 hours in Berlin: 24 business hours from local midnight end at 23:00 local
        Instant midnight = local(BERLIN, "2026-10-25T00:00");
        assertEquals(midnight.plus(Duration.ofHours(24)), always.plus(midnight, Duration.ofHours(24)));
        assertEquals(local(BERLIN, "2026-10-25T23:00"), always.plus(midnight, Duration.ofHours(24)));
        assertEquals(Duration.ofHours(25), always.between(midnight, local(BERLIN, "2026-10-26T00:00")));
    }

    @Test
    void newYorkSpringForwardDayHasTwentyThreeHours() {
        BusinessHours always = BusinessHours.always(NEW_YORK);
        // 2026-03-08: 02:00 becomes 03:00 in New York
        assertEquals(Duration.ofHours(23), always.between(local(NEW_YORK, "2026-03-08T00:00"),
                local(NEW_YORK, "2026-03-09T00:00")));
    }

    @Test
    void newYorkOfficeAcrossFallBackWeekend() {
        BusinessHours hours = office(NEW_YORK);
        // 2026-11-01 (Sunday) clocks fall back; Friday Oct 30 15:00 EDT + 3 h -> Monday Nov 2 10:00 EST
        Instant due = hours.plus(local(NEW_YORK, "2026-10-30T15:00"), Duration.ofHours(3));
        assertEquals(local(NEW_YORK, "2026-11-02T10:00"), due);
        assertEquals(Instant.parse("2026-11-02T15:00:00Z"), due);
    }

    @Test
    void openingInsideTheSpringGapMovesToItsEnd() {
        Map<DayOfWeek, int[]> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.SUNDAY, new int[] {2 * 60 + 30, 4 * 60});
        BusinessHours hours = new BusinessHours(NEW_YORK, week, Set.of());
        // 02:30 does not exist on 2026-03-08: work runs 03:30 (the shifted opening) to 04:00
        Instant start = local(NEW_YORK, "2026-03-08T00:00");
        assertEquals(Duration.ofMinutes(30), hours.between(start, local(NEW_YORK, "2026-03-08T12:00")));
    }

    @Test
    void betweenCountsOnlyWorkingTime() {
        BusinessHours hours = office(BERLIN, LocalDate.of(2026, 12, 25));
        // Thursday 2026-12-24 16:00 to Monday 2026-12-28 10:00: 1 h Thursday, Friday a holiday, 1 h Monday
        assertEquals(Duration.ofHours(2), hours.between(local(BERLIN, "2026-12-24T16:00"),
                local(BERLIN, "2026-12-28T10:00")));
        assertEquals(Duration.ZERO, hours.between(local(BERLIN, "2026-12-28T10:00"),
                local(BERLIN, "2026-12-24T16:00")));
    }

    @Test
    void plusAndBetweenAgree() {
        BusinessHours hours = office(NEW_YORK, LocalDate.of(2026, 11, 26));
        Instant start = local(NEW_YORK, "2026-10-29T13:17");
        for (int minutes : new int[] {1, 59, 480, 481, 2000, 10_000}) {
            Instant due = hours.plus(start, Duration.ofMinutes(minutes));
            assertEquals(Duration.ofMinutes(minutes), hours.between(start, due), "minutes " + minutes);
        }
    }

    @Test
    void zeroIsTheStartAndNegativeIsRefused() {
        BusinessHours hours = office(BERLIN);
        Instant saturday = local(BERLIN, "2026-12-12T11:00");
        assertEquals(saturday, hours.plus(saturday, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> hours.plus(saturday, Duration.ofMinutes(-1)));
    }

    @Test
    void isWorkingKnowsWeekendsAndHolidays() {
        BusinessHours hours = office(BERLIN, LocalDate.of(2026, 12, 25));
        assertTrue(hours.isWorking(local(BERLIN, "2026-12-07T09:00")));
        assertFalse(hours.isWorking(local(BERLIN, "2026-12-07T17:00")));
        assertFalse(hours.isWorking(local(BERLIN, "2026-12-12T12:00")));
        assertFalse(hours.isWorking(local(BERLIN, "2026-12-25T12:00")));
    }

    @Test
    void aCalendarWithoutWorkingTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BusinessHours(BERLIN, Map.of(), Set.of()));
        Map<DayOfWeek, int[]> backwards = new EnumMap<>(DayOfWeek.class);
        backwards.put(DayOfWeek.MONDAY, new int[] {17 * 60, 9 * 60});
        assertThrows(IllegalArgumentException.class, () -> new BusinessHours(BERLIN, backwards, Set.of()));
    }

    @Test
    void onlyHolidaysLeftGivesUpInsteadOfLooping() {
        Map<DayOfWeek, int[]> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, new int[] {9 * 60, 10 * 60});
        java.util.Set<LocalDate> every = new java.util.HashSet<>();
        for (LocalDate d = LocalDate.of(2026, 12, 7); d.isBefore(LocalDate.of(2038, 1, 1)); d = d.plusWeeks(1)) {
            every.add(d);
        }
        BusinessHours hours = new BusinessHours(BERLIN, week, every);
        assertThrows(IllegalStateException.class, () -> hours.plus(local(BERLIN, "2026-12-07T08:00"),
                Duration.ofMinutes(1)));
    }
}
