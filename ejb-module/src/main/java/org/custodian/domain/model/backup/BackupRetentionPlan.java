package org.custodian.domain.model.backup;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.custodian.domain.shared.RuleCheck;

/**
 * Tiered (grandfather-father-son) retention of backup sets: recent days are restorable day by day, older weeks
 * and months by one set each, and nothing a kept set needs to be restored, or a legal hold covers, is expired.
 * Pure: decides on the sets it is given, as of the newest of them, so the same catalog always gives the same
 * answer. All calendar periods are UTC.
 * <ul>
 * <li><b>Daily</b>: sets are grouped by calendar day; for each of the newest {@code daily} days that have any set,
 * the newest set of that day is kept ("daily 2026-11-20").</li>
 * <li><b>Weekly</b>: grouped by ISO week (week-based year and week number, weeks start on Monday); for each of the
 * newest {@code weekly} weeks that have any set, the newest FULL set of the week is kept, or the newest set of
 * the week if it has no full ("weekly 2026-W47").</li>
 * <li><b>Monthly</b>: the same with calendar months ("monthly 2026-11").</li>
 * <li><b>Pinned</b>: a set a legal hold covers is always kept ("pinned by legal hold").</li>
 * <li><b>Chains</b>: a kept INCREMENTAL keeps its base, transitively down to the FULL, since it cannot be
 * restored without them ("base of 123", naming the kept set that was taken against it). An incremental whose
 * base is not among the given sets (a broken chain) is judged by the tiers like any other set.</li>
 * </ul>
 * Newest means the latest {@code snapshotAt}, ties broken by the higher id. A set kept for several reasons gets
 * all of them, joined by "; " in the order pinned, daily, weekly, monthly, then "base of" by ascending id, so an
 * audit event says everything that holds the set. Sets without a reason expire.
 */
public final class BackupRetentionPlan {

    public static final int MAX_COUNT = 1000;

    static final String PINNED = "pinned by legal hold";

    private static final Comparator<BackupSetSummary> NEWEST_FIRST = Comparator
            .comparing(BackupSetSummary::snapshotAt).thenComparingLong(BackupSetSummary::id).reversed();

    private final int daily;
    private final int weekly;
    private final int monthly;

    /** Each count from 0 to {@value #MAX_COUNT}; 0 switches the tier off. */
    public BackupRetentionPlan(int daily, int weekly, int monthly) {
        new RuleCheck().require(inRange(daily), "daily", "must be from 0 to " + MAX_COUNT)
                .require(inRange(weekly), "weekly", "must be from 0 to " + MAX_COUNT)
                .require(inRange(monthly), "monthly", "must be from 0 to " + MAX_COUNT)
                .throwIfAny();
        this.daily = daily;
        this.weekly = weekly;
        this.monthly = monthly;
    }

    /** 30 daily, 26 weekly (half a year) and 24 monthly (two years) sets. */
    public static BackupRetentionPlan defaults() {
        return new BackupRetentionPlan(30, 26, 24);
    }

    private static boolean inRange(int count) {
        return count >= 0 && count <= MAX_COUNT;
    }

    public int daily() {
        return daily;
    }

    public int weekly() {
        return weekly;
    }

    public int monthly() {
        return monthly;
    }

    /**
     * Decides which of the given sets are kept, with the reason for each kept one (used in audit events and the
     * catalog), ordered by id. Sets not in the returned map expire.
     *
     * @throws IllegalArgumentException if two of the sets share an id
     */
    public Map<Long, String> keep(Collection<BackupSetSummary> sets) {
        Map<Long, BackupSetSummary> byId = new HashMap<>();
        for (BackupSetSummary set : sets) {
            Objects.requireNonNull(set, "backup set");
            if (byId.putIfAbsent(set.id(), set) != null) {
                throw new IllegalArgumentException("backup set id " + set.id() + " appears more than once");
            }
        }
        List<BackupSetSummary> newestFirst = new ArrayList<>(byId.values());
        newestFirst.sort(NEWEST_FIRST);

        Map<Long, List<String>> reasons = new LinkedHashMap<>();
        for (BackupSetSummary set : newestFirst) {
            if (set.pinned()) {
                reasons.computeIfAbsent(set.id(), id -> new ArrayList<>()).add(PINNED);
            }
        }
        for (Tier tier : Tier.values()) {
            int count = switch (tier) {
                case DAILY -> daily;
                case WEEKLY -> weekly;
                case MONTHLY -> monthly;
            };
            tier.pick(newestFirst, count).forEach((start, set) -> reasons
                    .computeIfAbsent(set.id(), id -> new ArrayList<>()).add(tier.label(start)));
        }

        Map<Long, TreeSet<Long>> dependents = new HashMap<>();
        Deque<Long> unchecked = new ArrayDeque<>(reasons.keySet());
        while (!unchecked.isEmpty()) {
            BackupSetSummary set = byId.get(unchecked.pop());
            if (set.isIncremental() && byId.containsKey(set.baseId())) {
                boolean newlyKept = !reasons.containsKey(set.baseId()) && !dependents.containsKey(set.baseId());
                dependents.computeIfAbsent(set.baseId(), id -> new TreeSet<>()).add(set.id());
                if (newlyKept) {
                    unchecked.push(set.baseId());
                }
            }
        }

        Map<Long, String> kept = new TreeMap<>();
        reasons.forEach((id, own) -> kept.put(id, String.join("; ", own)));
        dependents.forEach((id, users) -> {
            List<String> all = new ArrayList<>();
            if (kept.containsKey(id)) {
                all.add(kept.get(id));
            }
            users.forEach(user -> all.add("base of " + user));
            kept.put(id, String.join("; ", all));
        });
        return Collections.unmodifiableMap(kept);
    }

    /** A calendar period of UTC days; a set belongs to the period its snapshot day falls in. */
    private enum Tier {
        DAILY(false), WEEKLY(true), MONTHLY(true);

        /** A full restores on its own, so a week or month is better represented by its newest full. */
        private final boolean prefersFull;

        Tier(boolean prefersFull) {
            this.prefersFull = prefersFull;
        }

        /** The first day of the period that contains {@code day}: it names the period and orders periods. */
        LocalDate start(LocalDate day) {
            return switch (this) {
                case DAILY -> day;
                case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTHLY -> day.withDayOfMonth(1);
            };
        }

        String label(LocalDate start) {
            return switch (this) {
                case DAILY -> "daily " + start;
                case WEEKLY -> String.format("weekly %d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                        start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case MONTHLY -> "monthly " + YearMonth.from(start);
            };
        }

        /** The set kept for each of the newest {@code count} periods that have a set, by period start. */
        Map<LocalDate, BackupSetSummary> pick(List<BackupSetSummary> newestFirst, int count) {
            Map<LocalDate, BackupSetSummary> picked = new LinkedHashMap<>();
            for (BackupSetSummary set : newestFirst) {
                LocalDate period = start(LocalDate.ofInstant(set.snapshotAt(), ZoneOffset.UTC));
                BackupSetSummary current = picked.get(period);
                if (current == null) {
                    if (picked.size() == count) {
                        break; // sets come newest first, so every later set is in an older period
                    }
                    picked.put(period, set);
                } else if (prefersFull && current.isIncremental() && !set.isIncremental()) {
                    picked.put(period, set); // the first full met is the newest full of the period
                }
            }
            return picked;
        }
    }
}
