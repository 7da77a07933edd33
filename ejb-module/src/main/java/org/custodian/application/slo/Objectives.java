package org.custodian.application.slo;

import static org.custodian.application.slo.Objective.AT_LEAST;
import static org.custodian.application.slo.Objective.AT_MOST;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.slo.GovernanceFacts.Backups;
import org.custodian.application.slo.GovernanceFacts.Review;
import org.custodian.application.slo.GovernanceFacts.SecurityTicket;
import org.custodian.application.slo.GovernanceFacts.SinkLag;
import org.custodian.application.slo.GovernanceFacts.SubjectRequest;

/**
 * The measurements: plain arithmetic over the facts, with no database, so every rule is tested on its own
 * (ObjectivesTest). Durations are measured in wall-clock time: the legal deadlines run in calendar time.
 */
public final class Objectives {

    static final double HOUR = 3_600_000.0;
    static final double DAY = 24 * HOUR;
    static final double MINUTE = 60_000.0;

    private Objectives() {
    }

    /**
     * Subject requests: answered by their deadline (% of those answered in the window and those open past it), the
     * median days to an answer, the slowest erasure and restriction (open ones count with the time they have
     * waited; an erasure stopped by a legal hold waits lawfully and is left out).
     */
    public static List<Objective> privacy(List<SubjectRequest> requests, SloTargets t, Instant now) {
        long onTime = 0;
        long late = 0;
        long openOverdue = 0;
        List<Double> days = new ArrayList<>();
        double slowestErasure = -1;
        double slowestRestriction = -1;
        int erasures = 0;
        int restrictions = 0;
        for (SubjectRequest r : requests) {
            if (r.answeredAt() != null) {
                if (r.answeredAt().isAfter(r.dueAt())) {
                    late++;
                } else {
                    onTime++;
                }
                days.add(millis(r.receivedAt(), r.answeredAt()) / DAY);
            } else if (r.dueAt().isBefore(now)) {
                openOverdue++;
            }
            boolean open = r.answeredAt() == null;
            Instant done = r.carriedOutAt() != null ? r.carriedOutAt() : open && !r.blocked() ? now : null;
            if (done == null || r.rejected()) {
                continue;
            }
            if ("ERASURE".equals(r.type())) {
                erasures++;
                slowestErasure = Math.max(slowestErasure, millis(r.receivedAt(), done) / DAY);
            } else if ("RESTRICTION".equals(r.type())) {
                restrictions++;
                slowestRestriction = Math.max(slowestRestriction, millis(r.receivedAt(), done) / HOUR);
            }
        }
        long counted = onTime + late + openOverdue;
        List<Objective> out = new ArrayList<>();
        out.add(Objective.of("privacy.requests-on-time", SloRemit.PRIVACY,
                counted == 0 ? null : 100.0 * onTime / counted, t.requestsOnTimePercent(), "percent", AT_LEAST, false,
                now, "privacy_request: requests answered (COMPLETED or REJECTED) in the last " + days(t.window())
                        + " days against their due_at, and open requests past due_at",
                onTime + " on time, " + late + " answered late, " + openOverdue + " open past the deadline"));
        out.add(Objective.of("privacy.request-median-days", SloRemit.PRIVACY, median(days), t.requestMedianDays(),
                "days", AT_MOST, false, now, "privacy_request: received_at to the answer, requests answered in the last "
                        + days(t.window()) + " days", days.size() + " answered"));
        out.add(Objective.of("privacy.erasure-days", SloRemit.PRIVACY, erasures == 0 ? null : slowestErasure,
                t.erasureDays(), "days", AT_MOST, false, now, "privacy_request (ERASURE) received_at to erasure"
                        + ".erased_at; open erasures count the days they have waited (not those a legal hold stops)",
                erasures + " erasure(s), the slowest counted"));
        out.add(Objective.of("privacy.restriction-hours", SloRemit.PRIVACY,
                restrictions == 0 ? null : slowestRestriction, t.restrictionHours(), "hours", AT_MOST, false, now,
                "privacy_request (RESTRICTION) received_at to the first processing_restriction.restricted_at; open"
                        + " restrictions count the hours they have waited",
                restrictions + " restriction(s), the slowest counted"));
        return out;
    }

    /** Backups of the default target: success rate, achieved RPO, the last drill's RTO and the drill's age. */
    public static List<Objective> backups(Backups b, SloTargets t, Instant now) {
        List<Objective> out = new ArrayList<>();
        long finished = b.completed() + b.failed();
        out.add(Objective.of("backup.success-rate", SloRemit.BACKUP, finished == 0 ? null
                : 100.0 * b.completed() / finished, t.backupSuccessPercent(), "percent", AT_LEAST, false, now,
                "backup_set on target " + b.target() + " started in the last " + days(t.window()) + " days",
                b.completed() + " completed, " + b.failed() + " failed"));
        out.add(Objective.of("backup.rpo", SloRemit.BACKUP, b.newestSnapshotAt() == null ? null
                : millis(b.newestSnapshotAt(), now) / HOUR, t.backupRpo().toMillis() / HOUR, "hours", AT_MOST, true,
                now, "backup_set: snapshot_at of the newest COMPLETE set on target " + b.target(),
                b.newestSnapshotAt() == null ? "no complete set" : "newest snapshot " + b.newestSnapshotAt()));
        GovernanceFacts.Drill drill = b.lastDrill();
        Double rto = drill == null || drill.rtoMillis() == null ? null : drill.rtoMillis() / MINUTE;
        out.add(Objective.of("backup.drill-rto", SloRemit.BACKUP, rto, t.drillRto().toMillis() / MINUTE,
                "minutes", AT_MOST, false, now,
                "restore_run (DRILL): rto_ms of the last finished drill; a failed drill misses",
                drill == null ? "no drill yet" : "drill finished " + drill.finishedAt() + (drill.ok() ? ", all checks"
                        + " passed" : ", checks failed")).failedIf(drill != null && !drill.ok()));
        out.add(Objective.of("backup.drill-age", SloRemit.BACKUP, b.lastGoodDrillAt() == null ? null
                : millis(b.lastGoodDrillAt(), now) / DAY, t.drillAge().toMillis() / DAY, "days", AT_MOST, true, now,
                "restore_run (DRILL, ok): finished_at of the last successful drill",
                b.lastGoodDrillAt() == null ? "no successful drill" : "last successful drill " + b.lastGoodDrillAt()));
        return out;
    }

    /** The audit trail: unsigned events' wait for a checkpoint, the last full verification, SIEM delivery lag. */
    public static List<Objective> audit(GovernanceFacts.Audit a, SloTargets t, Instant now) {
        List<Objective> out = new ArrayList<>();
        Double wait = a.oldestUnsignedAt() == null ? 0.0 : millis(a.oldestUnsignedAt(), now) / MINUTE;
        out.add(Objective.of("audit.checkpoint-age", SloRemit.AUDIT, wait, t.checkpointAge().toMillis() / MINUTE,
                "minutes", AT_MOST, true, now, "audit_checkpoint: the newest signed checkpoint, and how long the"
                        + " oldest audit_event beyond it has waited for one (0 when it covers the whole trail)",
                (a.newestCheckpointAt() == null ? "no checkpoint yet" : "newest checkpoint " + a.newestCheckpointAt())
                        + (a.oldestUnsignedAt() == null ? "" : ", unsigned since " + a.oldestUnsignedAt())));
        out.add(Objective.of("audit.verification-age", SloRemit.AUDIT, a.lastVerificationAt() == null ? null
                : millis(a.lastVerificationAt(), now) / DAY, t.verificationAge().toMillis() / DAY, "days", AT_MOST,
                true, now, "audit_event: the newest AUDIT_VERIFY event (a full walk of the hash chain)",
                a.lastVerificationAt() == null ? "never verified" : "last verified " + a.lastVerificationAt()));
        double lag = 0;
        StringBuilder detail = new StringBuilder();
        for (SinkLag sink : a.sinks()) {
            double behind = sink.oldestUndeliveredAt() == null ? 0 : millis(sink.oldestUndeliveredAt(), now) / MINUTE;
            lag = Math.max(lag, behind);
            detail.append(detail.isEmpty() ? "" : ", ").append(sink.sink()).append(" delivered to ")
                    .append(sink.deliveredSequence());
        }
        out.add(Objective.of("audit.siem-lag", SloRemit.AUDIT, a.sinks().isEmpty() ? null : lag,
                t.siemLag().toMillis() / MINUTE, "minutes", AT_MOST, false, now, "siem_delivery: the oldest audit_event"
                        + " a SIEM sink has not received yet", a.sinks().isEmpty() ? "no SIEM sink" : detail.toString()));
        return out;
    }

    /** SECURITY tickets: median time to the first response by a person (unanswered ones count as waiting so far). */
    public static List<Objective> security(List<SecurityTicket> tickets, long alertsOpen, SloTargets t, Instant now) {
        List<Double> hours = new ArrayList<>();
        int unanswered = 0;
        for (SecurityTicket ticket : tickets) {
            Instant answered = ticket.firstResponseAt();
            if (answered == null) {
                unanswered++;
                answered = now;
            }
            hours.add(millis(ticket.createdAt(), answered) / HOUR);
        }
        List<Objective> out = new ArrayList<>();
        out.add(Objective.of("security.first-response", SloRemit.SECURITY, median(hours),
                t.securityFirstResponse().toMillis() / HOUR, "hours", AT_MOST, false, now, "ticket (category SECURITY)"
                        + " created in the last " + days(t.window()) + " days: created_at to the first comment by a"
                        + " person", tickets.size() + " ticket(s), " + unanswered + " not answered yet"));
        out.add(Objective.of("security.alerts-open", SloRemit.SECURITY, (double) alertsOpen, t.alertsOpenMax(),
                "alerts", AT_MOST, false, now, "alert with an unresolved SECURITY ticket, raised more than "
                        + hours(t.alertOpen()) + " hours ago", alertsOpen + " open longer than " + hours(t.alertOpen())
                        + " h"));
        return out;
    }

    /** Access review campaigns closed by their deadline (open ones past it count as late). */
    public static List<Objective> reviews(List<Review> reviews, SloTargets t, Instant now) {
        long onTime = 0;
        long late = 0;
        for (Review review : reviews) {
            if (review.closedAt() != null && !review.closedAt().isAfter(review.deadline())) {
                onTime++;
            } else if (review.closedAt() != null || review.deadline().isBefore(now)) {
                late++;
            }
        }
        long counted = onTime + late;
        return List.of(Objective.of("access-review.on-time", SloRemit.ACCESS_REVIEW,
                counted == 0 ? null : 100.0 * onTime / counted, t.reviewsOnTimePercent(), "percent", AT_LEAST, false,
                now, "access_review: campaigns due in the last " + days(t.window()) + " days, closed_at against"
                        + " deadline", onTime + " closed on time, " + late + " late"));
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double millis(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }

    private static long days(Duration d) {
        return d.toDays();
    }

    private static long hours(Duration d) {
        return d.toHours();
    }
}
