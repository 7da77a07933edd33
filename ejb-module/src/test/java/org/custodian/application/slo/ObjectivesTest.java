package org.custodian.application.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.application.slo.GovernanceFacts.Audit;
import org.custodian.application.slo.GovernanceFacts.Backups;
import org.custodian.application.slo.GovernanceFacts.Drill;
import org.custodian.application.slo.GovernanceFacts.Review;
import org.custodian.application.slo.GovernanceFacts.SecurityTicket;
import org.custodian.application.slo.GovernanceFacts.SinkLag;
import org.custodian.application.slo.GovernanceFacts.SubjectRequest;
import org.junit.jupiter.api.Test;

/** The measurements' rules, each on hand-made facts whose expected numbers are worked out here. */
class ObjectivesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final SloTargets T = SloTargets.defaults();

    private static Instant daysAgo(double days) {
        return NOW.minusMillis((long) (days * 86_400_000L));
    }

    private static Map<String, Objective> byId(List<Objective> objectives) {
        return objectives.stream().collect(Collectors.toMap(Objective::id, Function.identity()));
    }

    private static SubjectRequest request(String type, double receivedDaysAgo, double dueDaysAgo,
            Double answeredDaysAgo, Double carriedOutDaysAgo, boolean blocked) {
        return new SubjectRequest(1, type, daysAgo(receivedDaysAgo), daysAgo(dueDaysAgo),
                answeredDaysAgo == null ? null : daysAgo(answeredDaysAgo),
                carriedOutDaysAgo == null ? null : daysAgo(carriedOutDaysAgo), false, blocked);
    }

    @Test
    void requestsOnTimeCountAnsweredAndOpenOverdueButNotOpenRequestsStillInTime() {
        Map<String, Objective> o = byId(Objectives.privacy(List.of(
                request("ACCESS", 40, 10, 12.0, null, false), // answered 2 days before its deadline: 28 days
                request("ACCESS", 50, 20, 18.0, null, false), // answered 2 days late: 32 days
                request("RECTIFICATION", 35, 5, null, null, false), // open, 5 days past its deadline
                request("PORTABILITY", 3, -27, null, null, false)), T, NOW)); // open, not due yet: not counted
        Objective onTime = o.get("privacy.requests-on-time");
        assertEquals(33.33, onTime.value());
        assertEquals(Objective.MISSED, onTime.status());
        assertEquals("1 on time, 1 answered late, 1 open past the deadline", onTime.detail());
        // the median of 28 and 32 days
        assertEquals(30.0, o.get("privacy.request-median-days").value());
        assertFalse(o.get("privacy.request-median-days").met(), "30 days is more than the default 20");
    }

    @Test
    void noRequestsIsNoDataAndCountsAsMet() {
        Objective onTime = byId(Objectives.privacy(List.of(), T, NOW)).get("privacy.requests-on-time");
        assertNull(onTime.value());
        assertEquals(Objective.NO_DATA, onTime.status());
        assertTrue(onTime.met());
    }

    @Test
    void theSlowestErasureCountsAndAnOpenOneCountsItsWaitUnlessAHoldStopsIt() {
        Map<String, Objective> o = byId(Objectives.privacy(List.of(
                request("ERASURE", 20, -10, 15.0, 15.0, false), // carried out in 5 days
                request("ERASURE", 12, 0, null, null, false)), T, NOW)); // open for 12 days
        assertEquals(12.0, o.get("privacy.erasure-days").value());
        assertTrue(o.get("privacy.erasure-days").met());
        Map<String, Objective> late = byId(Objectives.privacy(List.of(
                request("ERASURE", 45, 15, null, null, false)), T, NOW));
        assertEquals(45.0, late.get("privacy.erasure-days").value());
        assertEquals(Objective.MISSED, late.get("privacy.erasure-days").status());
        Map<String, Objective> held = byId(Objectives.privacy(List.of(
                request("ERASURE", 45, 15, null, null, true)), T, NOW));
        assertEquals(Objective.NO_DATA, held.get("privacy.erasure-days").status(), "a legal hold stops the clock");
    }

    @Test
    void restrictionsAreMeasuredInHoursToTheFirstRestriction() {
        Objective o = byId(Objectives.privacy(List.of(request("RESTRICTION", 10, -20, 9.0, 7.0, false)), T, NOW))
                .get("privacy.restriction-hours");
        assertEquals(72.0, o.value());
        assertTrue(o.met(), "72 hours is the default target, at most");
    }

    @Test
    void backupsRpoIsTheNewestCompleteSnapshotsAgeAndNoSetMisses() {
        Map<String, Objective> o = byId(Objectives.backups(new Backups("primary", 19, 1, NOW.minus(Duration.ofHours(30)),
                new Drill(daysAgo(3), 1_800_000L, true), daysAgo(3)), T, NOW));
        assertEquals(95.0, o.get("backup.success-rate").value());
        assertTrue(o.get("backup.success-rate").met());
        assertEquals(30.0, o.get("backup.rpo").value());
        assertEquals(Objective.MISSED, o.get("backup.rpo").status(), "30 h against 26 h");
        assertEquals(30.0, o.get("backup.drill-rto").value());
        assertTrue(o.get("backup.drill-rto").met());
        assertEquals(3.0, o.get("backup.drill-age").value());
        Map<String, Objective> none = byId(Objectives.backups(new Backups("primary", 0, 0, null, null, null), T, NOW));
        assertEquals(Objective.MISSED, none.get("backup.rpo").status());
        assertEquals(Objective.NO_DATA, none.get("backup.success-rate").status());
        assertEquals(Objective.MISSED, none.get("backup.drill-age").status());
    }

    @Test
    void aFailedDrillMissesWhateverItsRto() {
        Objective o = byId(Objectives.backups(new Backups("primary", 1, 0, NOW, new Drill(NOW, 60_000L, false),
                null), T, NOW)).get("backup.drill-rto");
        assertEquals(1.0, o.value());
        assertEquals(Objective.MISSED, o.status());
    }

    @Test
    void auditFreshnessCountsTheOldestUnsignedEventAndTheSlowestSink() {
        Map<String, Objective> o = byId(Objectives.audit(new Audit(NOW.minus(Duration.ofHours(5)),
                NOW.minus(Duration.ofMinutes(30)), daysAgo(2), List.of(new SinkLag("syslog", 10, null),
                        new SinkLag("archive", 5, NOW.minus(Duration.ofMinutes(20))))), T, NOW));
        assertEquals(30.0, o.get("audit.checkpoint-age").value(), "the event waits 30 min, not the quiet 5 h");
        assertTrue(o.get("audit.checkpoint-age").met());
        assertEquals(2.0, o.get("audit.verification-age").value());
        assertEquals(20.0, o.get("audit.siem-lag").value());
        assertEquals(Objective.MISSED, o.get("audit.siem-lag").status(), "20 min against 15 min");
        Map<String, Objective> covered = byId(Objectives.audit(new Audit(daysAgo(1), null, null, List.of()), T, NOW));
        assertEquals(0.0, covered.get("audit.checkpoint-age").value());
        assertEquals(Objective.MISSED, covered.get("audit.verification-age").status(), "never verified");
        assertEquals(Objective.NO_DATA, covered.get("audit.siem-lag").status());
    }

    @Test
    void securityFirstResponseIsTheMedianWithUnansweredTicketsWaiting() {
        Map<String, Objective> o = byId(Objectives.security(List.of(
                new SecurityTicket(1, NOW.minus(Duration.ofHours(10)), NOW.minus(Duration.ofHours(9))),
                new SecurityTicket(2, NOW.minus(Duration.ofHours(8)), NOW.minus(Duration.ofHours(5))),
                new SecurityTicket(3, NOW.minus(Duration.ofHours(6)), null)), 2, T, NOW));
        assertEquals(3.0, o.get("security.first-response").value(), "median of 1, 3 and 6 hours");
        assertTrue(o.get("security.first-response").met());
        assertEquals(2.0, o.get("security.alerts-open").value());
        assertEquals(Objective.MISSED, o.get("security.alerts-open").status());
    }

    @Test
    void reviewsClosedAfterTheirDeadlineOrStillOpenPastItAreLate() {
        Objective o = Objectives.reviews(List.of(new Review(1, daysAgo(10), daysAgo(11)),
                new Review(2, daysAgo(10), daysAgo(9)), new Review(3, daysAgo(1), null),
                new Review(4, daysAgo(-5), null)), T, NOW).get(0);
        assertEquals(33.33, o.value());
        assertEquals("1 closed on time, 2 late", o.detail());
        assertFalse(o.met());
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Objectives.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertNull(Objectives.median(List.of()));
    }
}
