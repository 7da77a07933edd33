package org.custodian.domain.model.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.junit.jupiter.api.Test;

class BackupRetentionPlanTest {

    private static final Instant START = Instant.parse("2024-09-01T02:00:00Z");
    private static final LocalDate START_DAY = LocalDate.ofInstant(START, ZoneOffset.UTC);
    private static final int DAYS = 800;
    private static final int PIN_DAY = 100;

    // ----------------------------------------------------------------------------------------------------------
    // The simulation: one backup a day at 02:00 UTC, expiry applied after each one.
    // ----------------------------------------------------------------------------------------------------------

    /** The catalog as the expiry step leaves it: sets by id, and the reasons of the last decision. */
    private record Catalog(TreeMap<Long, BackupSetSummary> sets, Map<Long, String> reasons) {
    }

    /** Day n (from 0) has id n + 1, so the expected sets below can be computed from dates alone. */
    private static long idOf(LocalDate day) {
        return ChronoUnit.DAYS.between(START_DAY, day) + 1;
    }

    private static LocalDate dayOf(long id) {
        return START_DAY.plusDays(id - 1);
    }

    /**
     * Runs {@link #DAYS} days. On day {@link #PIN_DAY}, after that day's backup and before expiry, the set with
     * id {@code pinId} (if not null) is pinned. Checks after every expiry that no kept incremental lost its base.
     */
    private static Catalog simulate(BackupRetentionPlan plan, Long pinId) {
        TreeMap<Long, BackupSetSummary> catalog = new TreeMap<>();
        Map<Long, String> reasons = Map.of();
        for (int day = 0; day < DAYS; day++) {
            Clock clock = Clock.fixed(START.plus(Duration.ofDays(day)), ZoneOffset.UTC);
            Instant now = Instant.now(clock);
            long id = day + 1;
            boolean sunday = LocalDate.ofInstant(now, ZoneOffset.UTC).getDayOfWeek() == DayOfWeek.SUNDAY;
            catalog.put(id, sunday ? new BackupSetSummary(id, BackupType.FULL, null, now, false)
                    : new BackupSetSummary(id, BackupType.INCREMENTAL, id - 1, now, false));
            if (day == PIN_DAY && pinId != null) {
                BackupSetSummary old = catalog.get(pinId);
                if (old == null) {
                    fail("set " + pinId + " was gone before day " + PIN_DAY + " could pin it");
                }
                catalog.put(pinId, new BackupSetSummary(old.id(), old.type(), old.baseId(), old.snapshotAt(), true));
            }
            Set<Long> before = new HashSet<>(catalog.keySet());
            reasons = plan.keep(catalog.values());
            assertTrue(catalog.keySet().containsAll(reasons.keySet()), "keeps only sets it was given");
            catalog.keySet().retainAll(reasons.keySet());
            for (BackupSetSummary set : catalog.values()) {
                if (set.isIncremental() && before.contains(set.baseId())) {
                    assertTrue(catalog.containsKey(set.baseId()), "day " + day + ": kept incremental " + set.id()
                            + " lost its base " + set.baseId());
                }
            }
        }
        return new Catalog(catalog, reasons);
    }

    /** Every kept incremental has its base in the catalog: each chain reaches its full. */
    private static void assertChainsIntact(Catalog catalog) {
        for (BackupSetSummary set : catalog.sets().values()) {
            if (set.isIncremental()) {
                assertTrue(catalog.sets().containsKey(set.baseId()), set.id() + " misses base " + set.baseId());
            }
        }
    }

    /**
     * What the simulated catalog must hold after its last day, computed from the calendar alone: every day has a
     * set, Sundays are fulls and every other day's set is taken against the previous day's. The last
     * {@code daily} days; for each of the last {@code weekly} ISO weeks its Sunday (weeks end on Sunday), or the
     * last day if this week's Sunday has not come yet; for each of the last {@code monthly} months its last
     * Sunday, or the last day if the month has had no Sunday yet; then for every kept weekday, the days back to
     * the Sunday before it (its chain). A set that expired never comes back, but nothing here could have expired
     * before: a past week or month gets no newer sets later, so its pick never changed once its last Sunday was
     * taken, and from then on it was kept every day (see the counts asserted against this as a second check).
     */
    private static Set<Long> expectedKept(int daily, int weekly, int monthly) {
        LocalDate last = START_DAY.plusDays(DAYS - 1);
        Set<LocalDate> kept = new TreeSet<>();
        for (int i = 0; i < daily; i++) {
            kept.add(last.minusDays(i));
        }
        LocalDate monday = last.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int i = 0; i < weekly; i++) {
            LocalDate sunday = monday.minusWeeks(i).plusDays(6);
            kept.add(sunday.isAfter(last) ? last : sunday);
        }
        for (int i = 0; i < monthly; i++) {
            YearMonth month = YearMonth.from(last).minusMonths(i);
            LocalDate end = month.atEndOfMonth().isAfter(last) ? last : month.atEndOfMonth();
            LocalDate sunday = end.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            kept.add(YearMonth.from(sunday).equals(month) ? sunday : end);
        }
        Set<LocalDate> withChains = new TreeSet<>(kept);
        for (LocalDate day : kept) {
            for (LocalDate d = day; d.getDayOfWeek() != DayOfWeek.SUNDAY; d = d.minusDays(1)) {
                withChains.add(d.minusDays(1));
            }
        }
        assertFalse(withChains.stream().anyMatch(d -> d.isBefore(START_DAY)), "counts reach before the start");
        return withChains.stream().map(BackupRetentionPlanTest::idOf).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<LocalDate> days(Set<Long> ids) {
        return ids.stream().map(BackupRetentionPlanTest::dayOf).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void eightHundredDaysWithTheDefaultsKeepDaysWeeksAndMonths() {
        Catalog catalog = simulate(BackupRetentionPlan.defaults(), null);

        Set<Long> expected = expectedKept(30, 26, 24);
        assertEquals(days(expected), days(catalog.sets().keySet()));
        // By hand: the last day is Monday 2026-11-09; 30 days back to Sunday 2026-10-11 (a full, so no chain
        // beyond); 26 weeks add the 20 Sundays 2026-05-24 .. 2026-10-04; 24 months add the last Sundays of
        // 2024-12 .. 2026-04 (17); 2026-05 .. 2026-11 have theirs among the weeks and days already.
        assertEquals(30 + 20 + 17, expected.size());
        assertEquals(67, catalog.sets().size());
        assertChainsIntact(catalog);

        Map<Long, String> reasons = catalog.reasons();
        assertEquals("daily 2026-11-09; weekly 2026-W46", reasons.get(idOf(LocalDate.parse("2026-11-09"))),
                "this week has no full yet, so its newest incremental stands for it");
        assertEquals("daily 2026-11-08; weekly 2026-W45; monthly 2026-11; base of "
                + idOf(LocalDate.parse("2026-11-09")), reasons.get(idOf(LocalDate.parse("2026-11-08"))));
        assertEquals("daily 2026-10-11; weekly 2026-W41; base of " + idOf(LocalDate.parse("2026-10-12")),
                reasons.get(idOf(LocalDate.parse("2026-10-11"))));
        assertEquals("weekly 2026-W22; monthly 2026-05", reasons.get(idOf(LocalDate.parse("2026-05-31"))));
        assertEquals("weekly 2026-W21", reasons.get(idOf(LocalDate.parse("2026-05-24"))));
        assertEquals("monthly 2024-12", reasons.get(idOf(LocalDate.parse("2024-12-29"))));
        assertFalse(reasons.containsKey(idOf(LocalDate.parse("2024-11-24"))), "25 months ago");
    }

    @Test
    void aPinnedIncrementalSurvivesWithItsWholeChain() {
        LocalDate pinnedDay = LocalDate.parse("2024-12-05"); // a Thursday, 5 days before the pin on day 100
        assertEquals(LocalDate.parse("2024-12-10"), START_DAY.plusDays(PIN_DAY));
        long pinned = idOf(pinnedDay);

        Catalog catalog = simulate(BackupRetentionPlan.defaults(), pinned);

        Set<Long> expected = new TreeSet<>(expectedKept(30, 26, 24));
        Set<Long> chain = new TreeSet<>();
        for (LocalDate d = pinnedDay; !d.isBefore(LocalDate.parse("2024-12-01")); d = d.minusDays(1)) {
            chain.add(idOf(d)); // Thursday back to the full of Sunday 2024-12-01
        }
        assertFalse(expected.stream().anyMatch(chain::contains), "the chain would otherwise have expired");
        expected.addAll(chain);
        assertEquals(days(expected), days(catalog.sets().keySet()));
        assertEquals(67 + 5, catalog.sets().size());
        assertChainsIntact(catalog);
        assertEquals("pinned by legal hold", catalog.reasons().get(pinned));
        assertEquals("base of " + pinned, catalog.reasons().get(pinned - 1));
        assertEquals("base of " + (pinned - 3), catalog.reasons().get(idOf(LocalDate.parse("2024-12-01"))));
    }

    @Test
    void customCountsKeepTheirOwnTiersAndChains() {
        Catalog catalog = simulate(new BackupRetentionPlan(7, 4, 12), null);

        Set<Long> expected = expectedKept(7, 4, 12);
        assertEquals(days(expected), days(catalog.sets().keySet()));
        // By hand: 7 days 2026-11-03 .. 2026-11-09; 4 weeks add Sundays 2026-11-01 and 2026-10-25; 12 months add
        // the last Sundays of 2025-12 .. 2026-09 (10); Tuesday 2026-11-03 needs Monday 2026-11-02 (chain).
        assertEquals(7 + 2 + 10 + 1, catalog.sets().size());
        assertEquals("base of " + idOf(LocalDate.parse("2026-11-03")),
                catalog.reasons().get(idOf(LocalDate.parse("2026-11-02"))));
        assertEquals("weekly 2026-W44; base of " + idOf(LocalDate.parse("2026-11-02")),
                catalog.reasons().get(idOf(LocalDate.parse("2026-11-01"))));
        assertChainsIntact(catalog);
    }

    @Test
    void zeroCountsKeepOnlyPinnedSetsAndTheirBases() {
        // Sunday 2026-11-01 .. Saturday 2026-11-21: fulls on 1, 8 and 15.
        List<BackupSetSummary> sets = new ArrayList<>();
        LocalDate first = LocalDate.parse("2026-11-01");
        for (int i = 0; i < 21; i++) {
            LocalDate day = first.plusDays(i);
            long id = 100 + i;
            boolean pinned = id == 103 || id == 116 || id == 117;
            sets.add(day.getDayOfWeek() == DayOfWeek.SUNDAY
                    ? new BackupSetSummary(id, BackupType.FULL, null, at(day), pinned)
                    : new BackupSetSummary(id, BackupType.INCREMENTAL, id - 1, at(day), pinned));
        }
        Map<Long, String> expected = new LinkedHashMap<>();
        expected.put(100L, "base of 101");
        expected.put(101L, "base of 102");
        expected.put(102L, "base of 103");
        expected.put(103L, "pinned by legal hold");
        expected.put(114L, "base of 115");
        expected.put(115L, "base of 116");
        expected.put(116L, "pinned by legal hold; base of 117");
        expected.put(117L, "pinned by legal hold");
        assertEquals(expected, new BackupRetentionPlan(0, 0, 0).keep(sets));

        assertEquals(Map.of(), new BackupRetentionPlan(0, 0, 0).keep(sets.stream()
                .map(s -> new BackupSetSummary(s.id(), s.type(), s.baseId(), s.snapshotAt(), false)).toList()));
        assertEquals(Map.of(), BackupRetentionPlan.defaults().keep(List.of()));
    }

    @Test
    void aWeekWithOnlyIncrementalsKeepsItsNewestAndItsChain() {
        // Week 46: a full and a newer incremental; week 47: a full on its Sunday; week 48: incrementals only.
        List<BackupSetSummary> sets = List.of(
                new BackupSetSummary(1, BackupType.FULL, null, at(LocalDate.parse("2026-11-10")), false),
                new BackupSetSummary(2, BackupType.INCREMENTAL, 1L, at(LocalDate.parse("2026-11-12")), false),
                new BackupSetSummary(3, BackupType.FULL, null, at(LocalDate.parse("2026-11-22")), false),
                new BackupSetSummary(4, BackupType.INCREMENTAL, 3L, at(LocalDate.parse("2026-11-23")), false),
                new BackupSetSummary(5, BackupType.INCREMENTAL, 4L, at(LocalDate.parse("2026-11-24")), false),
                new BackupSetSummary(6, BackupType.INCREMENTAL, 5L, at(LocalDate.parse("2026-11-25")), false));

        assertEquals(Map.of(3L, "base of 4", 4L, "base of 5", 5L, "base of 6", 6L, "weekly 2026-W48"),
                new BackupRetentionPlan(0, 1, 0).keep(sets));
        assertEquals(Map.of(3L, "weekly 2026-W47; base of 4", 4L, "base of 5", 5L, "base of 6",
                6L, "weekly 2026-W48"), new BackupRetentionPlan(0, 2, 0).keep(sets));
        assertEquals(Map.of(1L, "weekly 2026-W46", 3L, "weekly 2026-W47; base of 4", 4L, "base of 5",
                5L, "base of 6", 6L, "weekly 2026-W48"), new BackupRetentionPlan(0, 3, 0).keep(sets),
                "week 46 prefers its full over its newer incremental");
    }

    @Test
    void aMonthPrefersItsNewestFullOverNewerIncrementals() {
        List<BackupSetSummary> sets = List.of(
                new BackupSetSummary(1, BackupType.FULL, null, at(LocalDate.parse("2026-11-01")), false),
                new BackupSetSummary(2, BackupType.FULL, null, at(LocalDate.parse("2026-11-08")), false),
                new BackupSetSummary(3, BackupType.INCREMENTAL, 2L, at(LocalDate.parse("2026-11-09")), false),
                new BackupSetSummary(4, BackupType.INCREMENTAL, 3L, at(LocalDate.parse("2026-11-30")), false),
                new BackupSetSummary(5, BackupType.INCREMENTAL, 4L, at(LocalDate.parse("2026-12-01")), false));
        assertEquals(Map.of(2L, "monthly 2026-11; base of 3", 3L, "base of 4", 4L, "base of 5",
                5L, "monthly 2026-12"), new BackupRetentionPlan(0, 0, 2).keep(sets));
        assertEquals(Map.of(5L, "daily 2026-12-01; monthly 2026-12", 4L, "base of 5", 3L, "base of 4",
                2L, "base of 3"), new BackupRetentionPlan(1, 0, 1).keep(sets));
    }

    @Test
    void periodsAreUtcAndIsoWeeksUseTheWeekBasedYear() {
        // 2026-12-31 (Thursday) and 2027-01-02 (Saturday) are both in ISO week 2026-W53; 2027-01-04 starts W01.
        List<BackupSetSummary> sets = List.of(
                new BackupSetSummary(1, BackupType.FULL, null, Instant.parse("2026-12-31T23:30:00Z"), false),
                new BackupSetSummary(2, BackupType.FULL, null, Instant.parse("2027-01-01T00:30:00Z"), false),
                new BackupSetSummary(3, BackupType.FULL, null, Instant.parse("2027-01-02T12:00:00Z"), false),
                new BackupSetSummary(4, BackupType.FULL, null, Instant.parse("2027-01-04T00:00:00Z"), false));
        assertEquals(Map.of(4L, "daily 2027-01-04; weekly 2027-W01; monthly 2027-01", 3L,
                "daily 2027-01-02; weekly 2026-W53", 2L, "daily 2027-01-01", 1L, "daily 2026-12-31; monthly 2026-12"),
                new BackupRetentionPlan(4, 2, 2).keep(sets));
    }

    @Test
    void tiesOnTheSnapshotGoToTheHigherId() {
        Instant same = Instant.parse("2026-11-20T02:00:00Z");
        List<BackupSetSummary> sets = List.of(
                new BackupSetSummary(8, BackupType.FULL, null, same, false),
                new BackupSetSummary(9, BackupType.FULL, null, same, false),
                new BackupSetSummary(7, BackupType.FULL, null, same, false));
        assertEquals(Map.of(9L, "daily 2026-11-20; weekly 2026-W47; monthly 2026-11"),
                BackupRetentionPlan.defaults().keep(sets));
        assertEquals(Map.of(9L, "daily 2026-11-20; weekly 2026-W47; monthly 2026-11"),
                BackupRetentionPlan.defaults().keep(List.of(sets.get(2), sets.get(1), sets.get(0))),
                "input order does not matter");
    }

    @Test
    void anIncrementalWithAMissingBaseIsJudgedByTheTiers() {
        List<BackupSetSummary> sets = List.of(
                new BackupSetSummary(10, BackupType.INCREMENTAL, 9L, at(LocalDate.parse("2026-11-19")), false),
                new BackupSetSummary(11, BackupType.INCREMENTAL, 10L, at(LocalDate.parse("2026-11-20")), false),
                new BackupSetSummary(20, BackupType.INCREMENTAL, 19L, at(LocalDate.parse("2026-10-01")), false));
        assertEquals(Map.of(11L, "daily 2026-11-20", 10L, "base of 11"), new BackupRetentionPlan(1, 0, 0).keep(sets));
        assertEquals(Map.of(11L, "daily 2026-11-20; monthly 2026-11", 10L, "base of 11", 20L, "monthly 2026-10"),
                new BackupRetentionPlan(1, 0, 2).keep(sets));
    }

    @Test
    void countsMustBeFromZeroToOneThousand() {
        assertEquals(List.of("daily", "monthly"), fields(() -> new BackupRetentionPlan(-1, 26, 1001)));
        assertEquals(List.of("weekly"), fields(() -> new BackupRetentionPlan(30, -1, 24)));
        assertEquals(List.of("monthly"), fields(() -> new BackupRetentionPlan(0, 1000, 1001)));
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new BackupRetentionPlan(1001, 0, 0));
        assertEquals(List.of(new FieldViolation("daily", "must be from 0 to 1000")), e.getViolations());
        BackupRetentionPlan edges = new BackupRetentionPlan(0, 1000, 0);
        assertEquals(List.of(0, 1000, 0), List.of(edges.daily(), edges.weekly(), edges.monthly()));
        BackupRetentionPlan defaults = BackupRetentionPlan.defaults();
        assertEquals(List.of(30, 26, 24), List.of(defaults.daily(), defaults.weekly(), defaults.monthly()));
    }

    @Test
    void duplicateIdsAndMalformedSetsAreRejected() {
        Instant now = Instant.parse("2026-11-20T02:00:00Z");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackupRetentionPlan
                .defaults().keep(List.of(new BackupSetSummary(5, BackupType.FULL, null, now, false),
                        new BackupSetSummary(6, BackupType.FULL, null, now, false),
                        new BackupSetSummary(5, BackupType.INCREMENTAL, 6L, now.plusSeconds(60), false))));
        assertEquals("backup set id 5 appears more than once", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BackupSetSummary(1, BackupType.FULL, 0L, now, false));
        assertThrows(IllegalArgumentException.class,
                () -> new BackupSetSummary(1, BackupType.INCREMENTAL, null, now, false));
        assertThrows(IllegalArgumentException.class,
                () -> new BackupSetSummary(1, BackupType.INCREMENTAL, 1L, now, false));
        assertThrows(NullPointerException.class, () -> new BackupSetSummary(1, BackupType.FULL, null, null, false));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(2, 0).toInstant(ZoneOffset.UTC);
    }

    private static List<String> fields(Runnable action) {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class, action::run);
        return e.getViolations().stream().map(FieldViolation::field).toList();
    }
}
