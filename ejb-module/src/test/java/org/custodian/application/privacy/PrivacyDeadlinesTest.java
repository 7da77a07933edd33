package org.custodian.application.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.custodian.application.privacy.PrivacyDeadlines.Plan;
import org.custodian.application.privacy.PrivacyDeadlines.Week;
import org.custodian.application.privacy.PrivacyRequestService.RequestView;
import org.junit.jupiter.api.Test;

/** The privacy officer's deadline view (#25): which requests, in which order, and the numbers per week. */
class PrivacyDeadlinesTest {

    /** A Wednesday. */
    private static final Instant NOW = Instant.parse("2026-12-09T12:00:00Z");

    private static RequestView request(long id, String status, Instant due, String extension) {
        return new RequestView(id, "ACCESS", status, Set.of(1L), due.minus(Duration.ofDays(30)), due,
                due.isBefore(NOW), extension, null, null, null, "=cmd|' /C calc'!A0", null, null, "privacy", NOW, 0,
                List.of());
    }

    @Test
    void openRequestsDueBeforeTheHorizonSoonestFirstWithDaysLeft() {
        Plan plan = PrivacyDeadlines.plan(List.of(
                request(1, "IN_PROGRESS", NOW.plus(Duration.ofDays(10)), null),
                request(2, "RECEIVED", NOW.minus(Duration.ofDays(3)), null),
                request(3, "COMPLETED", NOW.minus(Duration.ofDays(5)), null),
                request(4, "VERIFIED", NOW.plus(Duration.ofDays(90)), "complex"),
                request(5, "BLOCKED_BY_HOLD", NOW.plus(Duration.ofDays(1)), "complex")), NOW, 4);
        assertEquals(List.of(2L, 5L, 1L), plan.requests().stream().map(PrivacyDeadlines.Due::id).toList(),
                "completed and beyond the horizon left out");
        assertEquals(-3, plan.requests().get(0).daysLeft());
        assertTrue(plan.requests().get(0).overdue());
        assertEquals(10, plan.requests().get(2).daysLeft());
        assertFalse(plan.requests().get(2).overdue());
        assertTrue(plan.requests().get(1).extended());
    }

    @Test
    void weeksRunFromTheOldestOverdueToTheHorizonCountingEachRequestOnce() {
        Plan plan = PrivacyDeadlines.plan(List.of(
                request(1, "IN_PROGRESS", Instant.parse("2026-11-24T08:00:00Z"), null),
                request(2, "RECEIVED", Instant.parse("2026-12-08T08:00:00Z"), null),
                request(3, "RECEIVED", Instant.parse("2026-12-10T08:00:00Z"), null),
                request(4, "RECEIVED", Instant.parse("2026-12-21T00:00:00Z"), null)), NOW, 2);
        assertEquals(List.of(new Week(LocalDate.parse("2026-11-23"), 1, 1),
                new Week(LocalDate.parse("2026-11-30"), 0, 0),
                new Week(LocalDate.parse("2026-12-07"), 2, 1),
                new Week(LocalDate.parse("2026-12-14"), 0, 0)), plan.weeks(),
                "the request due on the Monday after the horizon is out");
        assertEquals(3, plan.requests().size());
    }

    @Test
    void withNothingDueTheChartStillShowsTheComingWeeks() {
        Plan plan = PrivacyDeadlines.plan(List.of(), NOW, 3);
        assertEquals(3, plan.weeks().size());
        assertEquals(LocalDate.parse("2026-12-07"), plan.weeks().get(0).start());
        assertTrue(plan.weeks().stream().allMatch(week -> week.due() == 0));
    }
}
