package org.custodian.application.privacy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.custodian.application.privacy.PrivacyRequestService.RequestView;

/**
 * The privacy officer's deadline view (#25): the open subject requests whose legal deadline (a month, extendable
 * once by two, Art. 12(3)) has passed or falls within the horizon, soonest first, and how many fall due per week
 * (weeks start on Monday, UTC), from the week of the oldest overdue one to the horizon's last week.
 */
public final class PrivacyDeadlines {

    private static final Set<String> FINAL = Set.of("COMPLETED", "REJECTED");

    /** @param requests open requests due before the horizon, soonest first; {@code weeks} the chart's numbers */
    public record Plan(Instant asOf, int weeksAhead, List<Due> requests, List<Week> weeks)
            implements java.io.Serializable {
    }

    /** @param daysLeft whole days until the deadline (negative: days overdue) */
    public record Due(long id, String type, String status, Instant receivedAt, Instant dueAt, long daysLeft,
            boolean overdue, boolean extended, String assignee) implements java.io.Serializable {
    }

    /** @param due open requests due that week; {@code overdue} of them, those past their deadline now */
    public record Week(LocalDate start, int due, int overdue) implements java.io.Serializable {
    }

    private PrivacyDeadlines() {
    }

    public static Plan plan(List<RequestView> all, Instant now, int weeksAhead) {
        LocalDate thisWeek = monday(now);
        LocalDate endWeek = thisWeek.plusWeeks(weeksAhead - 1L);
        Instant horizon = endWeek.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Due> due = new ArrayList<>();
        for (RequestView r : all) {
            if (FINAL.contains(r.status()) || !r.dueAt().isBefore(horizon)) {
                continue;
            }
            long daysLeft = Math.floorDiv(Duration.between(now, r.dueAt()).toHours(), 24);
            due.add(new Due(r.id(), r.type(), r.status(), r.receivedAt(), r.dueAt(), daysLeft,
                    r.dueAt().isBefore(now), r.extensionReason() != null, r.assignee()));
        }
        due.sort(Comparator.comparing(Due::dueAt).thenComparing(Due::id));
        LocalDate first = due.isEmpty() ? thisWeek : monday(due.get(0).dueAt());
        if (first.isAfter(thisWeek)) {
            first = thisWeek;
        }
        List<Week> weeks = new ArrayList<>();
        for (LocalDate start = first; !start.isAfter(endWeek); start = start.plusWeeks(1)) {
            LocalDate from = start;
            List<Due> inWeek = due.stream().filter(d -> monday(d.dueAt()).equals(from)).toList();
            weeks.add(new Week(start, inWeek.size(), (int) inWeek.stream().filter(Due::overdue).count()));
        }
        return new Plan(now, weeksAhead, due, weeks);
    }

    static LocalDate monday(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
