package org.custodian.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.application.slo.GovernanceFacts;
import org.custodian.application.slo.GovernanceFacts.SubjectRequest;
import org.custodian.application.slo.Objective;
import org.custodian.application.slo.Objectives;
import org.custodian.application.slo.SloTargets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The governance facts read from a real PostgreSQL migrated by the application, seeded with rows as the services
 * write them; the numbers each objective then shows are worked out by hand here.
 */
class GovernanceFactsOnPostgresTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @RegisterExtension
    static final MigratedPostgres POSTGRES = new MigratedPostgres();

    private static GovernanceFacts facts;

    @BeforeAll
    static void start() throws Exception {
        facts = new JdbcGovernanceFacts(POSTGRES.dataSource());
        seed();
    }

    private static Timestamp ago(Duration d) {
        return Timestamp.from(NOW.minus(d));
    }

    private static Timestamp days(double d) {
        return Timestamp.from(NOW.minusMillis((long) (d * 86_400_000L)));
    }

    private static void sql(String statement, Object... parameters) throws Exception {
        try (Connection c = POSTGRES.connection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static void request(long id, String type, String status, double received, double due, double updated)
            throws Exception {
        sql("insert into privacy_request (id, request_type, status, received_at, due_at, created_by, updated_at,"
                + " version) values (?, ?, ?, ?, ?, 'privacy', ?, 0)", id, type, status, days(received), days(due),
                days(updated));
    }

    private static void seed() throws Exception {
        // subject requests: answered on time, answered late, open past due, an erasure carried out in 4 days, a
        // restriction applied after 30 hours, one answered long before the window (not counted)
        request(1, "ACCESS", "COMPLETED", 20, -10, 15);
        request(2, "ACCESS", "COMPLETED", 40, 10, 8);
        request(3, "RECTIFICATION", "IN_PROGRESS", 35, 5, 30);
        request(4, "ERASURE", "COMPLETED", 10, -20, 6);
        sql("insert into erasure (id, request_id, erased_at, erased_by, receipt) values (1, 4, ?, 'privacy', '{}')",
                days(6));
        request(5, "RESTRICTION", "COMPLETED", 5, -25, 3);
        sql("insert into processing_restriction (id, request_id, customer_id, restricted_at, restricted_by)"
                + " values (1, 5, 77, ?, 'privacy')", Timestamp.from(NOW.minus(Duration.ofDays(5))
                        .plus(Duration.ofHours(30))));
        request(6, "ACCESS", "COMPLETED", 200, 170, 180);

        // backups on the primary target: two complete (the newest snapshot 30 h ago), one failed, one expired, one
        // complete on another target, one complete long before the window
        backup(1, "primary", "COMPLETE", Duration.ofHours(54), Duration.ofHours(54));
        backup(2, "primary", "COMPLETE", Duration.ofHours(30), Duration.ofHours(30));
        backup(3, "primary", "FAILED", Duration.ofHours(6), null);
        backup(4, "primary", "EXPIRED", Duration.ofDays(20), Duration.ofDays(20));
        backup(5, "us-only", "COMPLETE", Duration.ofHours(1), Duration.ofHours(1));
        backup(6, "primary", "COMPLETE", Duration.ofDays(200), Duration.ofDays(200));
        // drills: a good one 10 days ago (RTO 12 min), then a failed one 2 days ago
        drill(1, Duration.ofDays(10), 720_000L, true);
        drill(2, Duration.ofDays(2), 600_000L, false);

        // the trail: 5 events, a checkpoint over the first 3, the SIEM at 4, the detector at 1, a verification
        for (int seq = 1; seq <= 5; seq++) {
            sql("insert into audit_event (sequence, occurred_at, actor, action, outcome, previous_hash, hash) values"
                    + " (?, ?, 'auditor', ?, 'SUCCESS', repeat('0', 64), repeat('0', 64))", (long) seq,
                    ago(Duration.ofMinutes(60 - seq * 10)), seq == 2 ? "AUDIT_VERIFY" : "TICKET_READ");
        }
        sql("insert into audit_checkpoint (tree_size, root_hash, chain_hash, created_at, algorithm, key_id, signature)"
                + " values (3, repeat('0', 64), repeat('0', 64), ?, 'Ed25519', 'k', 's')", ago(Duration.ofMinutes(25)));
        sql("insert into siem_delivery (sink, delivered_sequence, failures) values ('syslog', 4, 0)");
        sql("insert into siem_delivery (sink, delivered_sequence, failures) values ('anomaly-detector', 1, 0)");

        // security: a SECURITY ticket answered by a person after 2 h (the system's comment does not count), one
        // unanswered, one of another category; an alert on the unanswered one raised 30 h ago
        sql("insert into customer (id, name, region, created_at) values (1, 'Security office', 'EU', ?)", days(100));
        ticket(1, "SECURITY", "IN_PROGRESS", Duration.ofHours(10));
        comment(1, 1, "system:anomaly-detector", Duration.ofHours(10).minusMinutes(1));
        comment(2, 1, "engineer", Duration.ofHours(8));
        ticket(2, "SECURITY", "OPEN", Duration.ofHours(30));
        ticket(3, "GENERAL", "OPEN", Duration.ofHours(30));
        sql("insert into alert (id, rule, actor, observed, threshold_value, window_start, window_end, last_sequence,"
                + " detail, ticket_id, created_at) values (1, 'DENIALS', 'x', 5, 5, ?, ?, 1, 'd', 2, ?)",
                ago(Duration.ofHours(31)), ago(Duration.ofHours(30)), ago(Duration.ofHours(30)));

        // access reviews: one closed on time, one closed late, one open past its deadline, one not yet due
        review(1, 20, 21.0);
        review(2, 10, 9.0);
        review(3, 1, null);
        review(4, -5, null);
    }

    private static void backup(long id, String target, String status, Duration started, Duration snapshot)
            throws Exception {
        sql("insert into backup_set (id, set_name, backup_type, status, target, reason, requested_by,"
                + " job_execution_id, started_at, snapshot_at, completed_at) values (?, ?, 'FULL', ?, ?, 'r', 'op', 1,"
                + " ?, ?, ?)", id, "set-" + id, status, target, ago(started),
                snapshot == null ? null : ago(snapshot), snapshot == null ? null : ago(snapshot));
    }

    private static void drill(long id, Duration finished, long rto, boolean ok) throws Exception {
        sql("insert into restore_run (id, kind, set_id, set_name, chain, target_schema, requested_by, reason,"
                + " job_execution_id, started_at, finished_at, rto_ms, ok) values (?, 'DRILL', 1, 'set-1', '1',"
                + " 'drill', 'op', 'r', 1, ?, ?, ?, ?)", id, ago(finished.plusMinutes(20)), ago(finished), rto, ok);
    }

    private static void ticket(long id, String category, String status, Duration created) throws Exception {
        sql("insert into ticket (id, subject, description, status, priority, category, region, customer_id,"
                + " created_at, updated_at) values (?, 's', 'd', ?, 'HIGH', ?, 'EU', 1, ?, ?)", id, status, category,
                ago(created), ago(created));
    }

    private static void comment(long id, long ticket, String author, Duration created) throws Exception {
        sql("insert into ticket_comment (id, ticket_id, body, visibility, author, created_at) values"
                + " (?, ?, 'b', 'INTERNAL', ?, ?)", id, ticket, author, ago(created));
    }

    private static void review(long id, double deadlineDaysAgo, Double closedDaysAgo) throws Exception {
        sql("insert into access_review (id, title, deadline, deadline_policy, state, created_by, created_at,"
                + " scheduled, closed_at) values (?, 't', ?, 'REVOKE', ?, 'admin', ?, false, ?)", id,
                days(deadlineDaysAgo), closedDaysAgo == null ? "OPEN" : "CLOSED", days(60),
                closedDaysAgo == null ? null : days(closedDaysAgo));
    }

    private static Map<String, Objective> byId(List<Objective> objectives) {
        return objectives.stream().collect(Collectors.toMap(Objective::id, Function.identity()));
    }

    @Test
    void subjectRequestsAreReadWithTheirAnswerAndTheLedgersTimes() {
        List<SubjectRequest> requests = facts.subjectRequests(NOW.minus(Duration.ofDays(90)));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), requests.stream().map(SubjectRequest::id).sorted().toList(),
                "request 6 was answered before the window");
        Map<String, Objective> o = byId(Objectives.privacy(requests, SloTargets.defaults(), NOW));
        // on time: 1, 4, 5; late: 2; open past due: 3
        assertEquals(60.0, o.get("privacy.requests-on-time").value());
        assertEquals(Objective.MISSED, o.get("privacy.requests-on-time").status());
        assertEquals(4.0, o.get("privacy.erasure-days").value());
        assertEquals(30.0, o.get("privacy.restriction-hours").value());
        // answered after 5, 32, 4 and 2 days: the median of 2, 4, 5, 32
        assertEquals(4.5, o.get("privacy.request-median-days").value());
    }

    @Test
    void backupsCountTheTargetsSetsInTheWindowAndTheLastDrills() {
        GovernanceFacts.Backups b = facts.backups("primary", NOW.minus(Duration.ofDays(90)));
        assertEquals(3, b.completed(), "two complete and one expired since");
        assertEquals(1, b.failed());
        assertEquals(NOW.minus(Duration.ofHours(30)), b.newestSnapshotAt());
        assertFalse(b.lastDrill().ok());
        assertEquals(NOW.minus(Duration.ofDays(10)), b.lastGoodDrillAt());
        Map<String, Objective> o = byId(Objectives.backups(b, SloTargets.defaults(), NOW));
        assertEquals(Objective.MISSED, o.get("backup.rpo").status());
        assertEquals(30.0, o.get("backup.rpo").value());
        assertEquals(Objective.MISSED, o.get("backup.drill-rto").status(), "the last drill failed");
        assertEquals(10.0, o.get("backup.drill-age").value());
        assertNull(facts.backups("nowhere", NOW.minus(Duration.ofDays(90))).newestSnapshotAt());
    }

    @Test
    void theTrailsFreshnessComesFromItsCheckpointVerificationAndSiemPosition() {
        GovernanceFacts.Audit a = facts.audit("anomaly-detector");
        assertEquals(NOW.minus(Duration.ofMinutes(25)), a.newestCheckpointAt());
        assertEquals(NOW.minus(Duration.ofMinutes(20)), a.oldestUnsignedAt(), "event 4 is the first unsigned");
        assertEquals(NOW.minus(Duration.ofMinutes(40)), a.lastVerificationAt());
        assertEquals(1, a.sinks().size(), "the anomaly detector is no SIEM");
        assertEquals(NOW.minus(Duration.ofMinutes(10)), a.sinks().get(0).oldestUndeliveredAt());
        Map<String, Objective> o = byId(Objectives.audit(a, SloTargets.defaults(), NOW));
        assertEquals(20.0, o.get("audit.checkpoint-age").value());
        assertEquals(10.0, o.get("audit.siem-lag").value());
        assertTrue(o.get("audit.siem-lag").met());
    }

    @Test
    void securityTicketsFirstResponseIsThePersonsFirstComment() {
        List<GovernanceFacts.SecurityTicket> tickets = facts.securityTickets(NOW.minus(Duration.ofDays(90)));
        assertEquals(2, tickets.size());
        GovernanceFacts.SecurityTicket answered = tickets.stream().filter(t -> t.id() == 1).findFirst().orElseThrow();
        assertEquals(NOW.minus(Duration.ofHours(8)), answered.firstResponseAt());
        assertEquals(1, facts.alertsOpenSince(NOW.minus(Duration.ofHours(24))));
        assertEquals(0, facts.alertsOpenSince(NOW.minus(Duration.ofHours(48))));
    }

    @Test
    void reviewsDueInTheWindowAreRead() {
        List<GovernanceFacts.Review> reviews = facts.reviews(NOW.minus(Duration.ofDays(90)), NOW);
        assertEquals(List.of(1L, 2L, 3L), reviews.stream().map(GovernanceFacts.Review::id).sorted().toList());
        Objective o = Objectives.reviews(reviews, SloTargets.defaults(), NOW).get(0);
        assertEquals(33.33, o.value());
    }
}
