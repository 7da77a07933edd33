package org.custodian.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.sla.SlaAlarmRecompute;
import org.custodian.domain.model.sla.SlaReportRepository.Grouping;
import org.custodian.domain.model.sla.SlaReportRepository.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SLA report's SQL and the start-up recompute on a real PostgreSQL (the application's migrations): random
 * tickets and clocks are seeded, and every number of the report is computed again here, in Java, from the seeded
 * rows (counts by the same met/missed rule, percentiles by linear interpolation as percentile_cont defines it).
 */
class SlaReportOnPostgresTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final String[] TEAMS = {"alpha", "beta"};
    private static final String[] PRIORITIES = {"LOW", "NORMAL", "HIGH", "URGENT"};
    private static final String[] CATEGORIES = {"BILLING", "NETWORK", "SECURITY"};
    private static final String[] STATUSES = {"OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"};

    @RegisterExtension
    static final MigratedPostgres POSTGRES = new MigratedPostgres();

    private static final List<Seeded> SEEDED = new ArrayList<>();

    private static JdbcSlaReportRepository repository() {
        return new JdbcSlaReportRepository(POSTGRES.dataSource());
    }

    /** One seeded clock with its ticket's group values; met/due/breached as stored. */
    record Seeded(long ticket, String kind, Instant started, Instant due, Instant met, Instant breached,
            Long businessSeconds, String team, String region, String priority, String category, String status) {
    }

    @BeforeAll
    static void seed() throws Exception {
        Random random = new Random(25);
        try (Connection c = POSTGRES.connection(); Statement s = c.createStatement()) {
            s.execute("insert into team (id, team_key, name, region, created_at, changed_at) values"
                    + " (1, 'alpha', 'Alpha', 'EU', now(), now()), (2, 'beta', 'Beta', 'US', now(), now())");
            s.execute("insert into customer (id, name, region, created_at) values (1, 'C', 'EU', now())");
            PreparedStatement ticket = c.prepareStatement("insert into ticket (id, subject, description, status,"
                    + " priority, category, region, customer_id, created_at, updated_at, assigned_team_id)"
                    + " values (?, 's', 'd', ?, ?, ?, ?, 1, ?, ?, ?)");
            PreparedStatement clock = c.prepareStatement("insert into sla_clock (id, ticket_id, kind, target_minutes,"
                    + " started_at, paused_seconds, due, warn_at, met_at, breached_at, business_seconds)"
                    + " values (?, ?, ?, 60, ?, 0, ?, ?, ?, ?, ?)");
            long clockId = 1;
            for (long id = 1; id <= 400; id++) {
                Instant created = T0.plusSeconds(random.nextInt(10 * 86_400));
                Integer team = random.nextInt(3) == 0 ? null : random.nextInt(2) + 1;
                String region = random.nextBoolean() ? "EU" : "US";
                String priority = PRIORITIES[random.nextInt(4)];
                String category = CATEGORIES[random.nextInt(3)];
                String status = STATUSES[random.nextInt(4)];
                ticket.setLong(1, id);
                ticket.setString(2, status);
                ticket.setString(3, priority);
                ticket.setString(4, category);
                ticket.setString(5, region);
                ticket.setObject(6, created.atOffset(ZoneOffset.UTC));
                ticket.setObject(7, created.atOffset(ZoneOffset.UTC));
                ticket.setObject(8, team == null ? null : (long) team, java.sql.Types.BIGINT);
                ticket.addBatch();
                for (String kind : new String[] {"FIRST_RESPONSE", "RESOLUTION", "NEXT_RESPONSE"}) {
                    if (kind.equals("NEXT_RESPONSE") && random.nextInt(4) != 0) {
                        continue;
                    }
                    Instant started = kind.equals("NEXT_RESPONSE") ? created.plusSeconds(7200) : created;
                    Instant due = started.plusSeconds(3600L * (kind.equals("RESOLUTION") ? 8 : 1));
                    int fate = random.nextInt(5); // 0, 1: met on time; 2: met late; 3: breached, running; 4: running
                    Instant met = fate <= 1 ? started.plusSeconds(random.nextInt(3600))
                            : fate == 2 ? due.plusSeconds(1 + random.nextInt(3600)) : null;
                    Instant breached = fate == 2 && random.nextBoolean() || fate == 3 ? due.plusSeconds(5) : null;
                    Long business = met == null ? null : (long) random.nextInt(30_000);
                    clock.setLong(1, clockId++);
                    clock.setLong(2, id);
                    clock.setString(3, kind);
                    clock.setObject(4, started.atOffset(ZoneOffset.UTC));
                    clock.setObject(5, due.atOffset(ZoneOffset.UTC));
                    clock.setObject(6, due.atOffset(ZoneOffset.UTC));
                    clock.setObject(7, met == null ? null : met.atOffset(ZoneOffset.UTC),
                            java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    clock.setObject(8, breached == null ? null : breached.atOffset(ZoneOffset.UTC),
                            java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    clock.setObject(9, business, java.sql.Types.BIGINT);
                    clock.addBatch();
                    SEEDED.add(new Seeded(id, kind, started, due, met, breached, business,
                            team == null ? "(none)" : TEAMS[team - 1], region, priority, category, status));
                }
            }
            ticket.executeBatch();
            clock.executeBatch();
        }
    }

    @Test
    void everyGroupingMatchesTheNumbersRecomputedFromTheSeededRows() {
        JdbcSlaReportRepository report = repository();
        Instant from = T0.plusSeconds(86_400);
        Instant to = T0.plusSeconds(8 * 86_400);
        Map<Grouping, Function<Seeded, String>> keys = Map.of(Grouping.TEAM, Seeded::team, Grouping.REGION,
                Seeded::region, Grouping.PRIORITY, Seeded::priority, Grouping.CATEGORY, Seeded::category,
                Grouping.DAY, s -> s.started().atZone(ZoneOffset.UTC).toLocalDate().toString());
        for (Map.Entry<Grouping, Function<Seeded, String>> grouping : keys.entrySet()) {
            List<Row> rows = report.rows(from, to, grouping.getKey(), null);
            Map<String, Row> expected = expected(from, to, grouping.getValue(), null);
            assertEquals(new ArrayList<>(expected.keySet()), rows.stream().map(Row::key).toList(),
                    grouping.getKey() + ": the groups, in order");
            for (Row row : rows) {
                assertRow(expected.get(row.key()), row, grouping.getKey() + " " + row.key());
            }
        }
    }

    @Test
    void theDaysAreTheViewersDaysInTheirTimeZone() {
        // a zone 11 hours ahead of UTC in March (Sydney, daylight saving time) and one behind it (New York)
        for (String id : List.of("Australia/Sydney", "America/New_York", "UTC")) {
            java.time.ZoneId zone = java.time.ZoneId.of(id);
            Instant from = T0.plusSeconds(86_400);
            Instant to = T0.plusSeconds(8 * 86_400);
            List<Row> rows = repository().rows(from, to, Grouping.DAY, null, zone);
            Map<String, Row> expected = expected(from, to, s -> s.started().atZone(zone).toLocalDate().toString(),
                    null);
            assertEquals(new ArrayList<>(expected.keySet()), rows.stream().map(Row::key).toList(), id);
            for (Row row : rows) {
                assertRow(expected.get(row.key()), row, id + " " + row.key());
            }
        }
    }

    @Test
    void aCallerBoundToRegionsCountsOnlyTheirTickets() {
        List<Row> rows = repository().rows(T0, T0.plusSeconds(20 * 86_400),
                Grouping.REGION, EnumSet.of(Region.US));
        assertEquals(1, rows.size());
        assertEquals("US", rows.get(0).key());
        assertRow(expected(T0, T0.plusSeconds(20 * 86_400), Seeded::region, "US").get("US"), rows.get(0), "US");
        assertTrue(repository().rows(T0, T0.plusSeconds(20 * 86_400), Grouping.REGION,
                EnumSet.noneOf(Region.class)).isEmpty(), "no region, no rows");
    }

    @Test
    void aPeriodWithoutClocksHasNoGroupsAndNoPercentiles() {
        assertTrue(repository().rows(T0.minusSeconds(86_400), T0, Grouping.TEAM, null)
                .isEmpty());
    }

    @Test
    void theStartUpRecomputeRestoresAlarmsAndDueTimesAndThenWritesNothing() throws SQLException {
        try (Connection c = POSTGRES.connection(); Statement s = c.createStatement()) {
            s.execute("insert into ticket (id, subject, description, status, priority, category, region,"
                    + " customer_id, created_at, updated_at, sla_due_at) values (9001, 's', 'd', 'OPEN', 'LOW',"
                    + " 'BILLING', 'EU', 1, now(), now(), '2000-01-01T00:00:00Z'),"
                    + " (9002, 's', 'd', 'OPEN', 'LOW', 'BILLING', 'EU', 1, now(), now(), null)");
            // 9001: a running clock, not yet warned, whose alarm was lost; a met clock that kept one
            s.execute("insert into sla_clock (id, ticket_id, kind, target_minutes, started_at, paused_seconds, due,"
                    + " warn_at, met_at, alarm_at) values"
                    + " (9001, 9001, 'RESOLUTION', 60, '2030-01-01T00:00:00Z', 0, '2030-01-01T01:00:00Z',"
                    + " '2030-01-01T00:45:00Z', null, null),"
                    + " (9002, 9001, 'FIRST_RESPONSE', 60, '2030-01-01T00:00:00Z', 0, '2030-01-01T00:30:00Z',"
                    + " '2030-01-01T00:20:00Z', '2030-01-01T00:10:00Z', '2030-01-01T00:20:00Z'),"
            // 9002: paused (waiting on the customer): no alarm, no due time
                    + " (9003, 9002, 'RESOLUTION', 60, '2030-01-01T00:00:00Z', 0, '2030-01-01T01:00:00Z',"
                    + " '2030-01-01T00:45:00Z', null, '2030-01-01T00:45:00Z')");
            s.execute("insert into ticket_sla (ticket_id, policy_id, policy_version, calendar_id, paused_at) values"
                    + " (9001, 1, 1, 1, null), (9002, 1, 1, 1, '2030-01-01T00:05:00Z')");
        }
        ExecutorService executor = Executors.newSingleThreadExecutor();
        JdbcSlaAlarmRecompute recompute = new JdbcSlaAlarmRecompute(POSTGRES.dataSource(), executor);
        SlaAlarmRecompute.Result fixed = recompute.recompute();
        assertTrue(fixed.alarmsCorrected() >= 3, fixed.toString());
        assertTrue(fixed.dueTimesCorrected() >= 1, fixed.toString());
        String alarm = "select (alarm_at at time zone 'UTC')::text from sla_clock where id = ";
        assertEquals("2030-01-01 00:45:00", text(alarm + 9001));
        assertNull(text(alarm + 9002), "met: no alarm");
        assertNull(text(alarm + 9003), "paused: no alarm");
        String due = "select (sla_due_at at time zone 'UTC')::text from ticket where id = ";
        assertEquals("2030-01-01 01:00:00", text(due + 9001),
                "the earliest due of the running clocks");
        assertNull(text(due + 9002));
        // the seeded report rows agree with the rule already (breached: no alarm; unwarned running: the warning)
        assertEquals(new SlaAlarmRecompute.Result(0, 0), recompute.recompute(), "a second start writes nothing");
        executor.shutdown();
    }

    /** V103's rows are kept by triggers: after clocks and tickets change they still say what their sources say. */
    @Test
    void theReportRowsFollowEveryChangeOfTheirClocksAndTickets() throws SQLException {
        try (Connection c = POSTGRES.connection(); Statement s = c.createStatement()) {
            s.execute("insert into team (id, team_key, name, region, created_at, changed_at) values"
                    + " (3, 'gamma', 'Gamma', 'EU', now(), now())");
            s.execute("insert into ticket (id, subject, description, status, priority, category, region, customer_id,"
                    + " created_at, updated_at, assigned_team_id) values"
                    + " (9101, 's', 'd', 'OPEN', 'LOW', 'BILLING', 'EU', 1, '2031-01-01Z', '2031-01-01Z', 1),"
                    + " (9102, 's', 'd', 'IN_PROGRESS', 'HIGH', 'NETWORK', 'US', 1, '2031-01-01Z', '2031-01-01Z', 3)");
            s.execute("insert into sla_clock (id, ticket_id, kind, target_minutes, started_at, paused_seconds, due,"
                    + " warn_at) values"
                    + " (9101, 9101, 'FIRST_RESPONSE', 60, '2031-01-01T08:00Z', 0, '2031-01-01T09:00Z',"
                    + " '2031-01-01T08:45Z'),"
                    + " (9102, 9101, 'RESOLUTION', 480, '2031-01-01T08:00Z', 0, '2031-01-01T16:00Z',"
                    + " '2031-01-01T14:00Z'),"
                    + " (9103, 9102, 'FIRST_RESPONSE', 60, '2031-01-02T08:00Z', 0, '2031-01-02T09:00Z',"
                    + " '2031-01-02T08:45Z')");
            // the clocks move: one met in time, one breached; the tickets move: re-planned and reassigned, resolved,
            // and the team of one of them is deleted (the ticket loses it)
            s.execute("update sla_clock set met_at = '2031-01-01T08:10Z', business_seconds = 600 where id = 9101");
            s.execute("update sla_clock set breached_at = '2031-01-02T09:00Z' where id = 9103");
            s.execute("update ticket set priority = 'URGENT', category = 'SECURITY', region = 'US',"
                    + " assigned_team_id = 2 where id = 9101");
            s.execute("update ticket set status = 'RESOLVED', resolved_at = '2031-01-02T10:00Z' where id = 9102");
            s.execute("delete from team where id = 3");
        }
        String columns = "ticket_id, clock_id, kind, started_at, start_day, business_seconds, team_id, region,"
                + " priority, category, ticket_open, met, missed";
        String ours = " where ticket_id in (9101, 9102)";
        assertEquals("0", text("select count(*) from ((select " + columns + " from sla_report_source" + ours
                + " except all select " + columns + " from sla_report_clock" + ours + ") union all (select "
                + columns + " from sla_report_clock" + ours + " except all select " + columns
                + " from sla_report_source" + ours + ")) d"), "the rows agree with the clocks and tickets");
        assertEquals("3", text("select count(*) from sla_report_clock" + ours));

        Instant from = Instant.parse("2031-01-01T00:00:00Z");
        List<Row> byTeam = repository().rows(from, from.plusSeconds(3 * 86_400),
                Grouping.TEAM, null);
        assertEquals(List.of("(none)", "beta"), byTeam.stream().map(Row::key).toList());
        assertRow(new Row("(none)", 1, 0, 0, 1, 0, 0, 1, null, null, null, null), byTeam.get(0), "(none)");
        assertRow(new Row("beta", 1, 1, 1, 0, 0, 0, 0, 600.0, 600.0, null, null), byTeam.get(1), "beta");
        List<Row> byPriority = repository().rows(from, from.plusSeconds(3 * 86_400),
                Grouping.PRIORITY, EnumSet.of(Region.US));
        assertEquals(List.of("HIGH", "URGENT"), byPriority.stream().map(Row::key).toList());

        try (Connection c = POSTGRES.connection(); Statement s = c.createStatement()) {
            s.execute("delete from ticket where id = 9102");
        }
        assertEquals("2", text("select count(*) from sla_report_clock" + ours), "a deleted ticket's rows go along");
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = POSTGRES.connection(); Statement s = c.createStatement();
                var r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /** The report computed here from the seeded rows, by the documented rules. */
    private static Map<String, Row> expected(Instant from, Instant to, Function<Seeded, String> key, String region) {
        Map<String, List<Seeded>> groups = new TreeMap<>();
        for (Seeded s : SEEDED) {
            if (!s.started().isBefore(from) && s.started().isBefore(to)
                    && (region == null || region.equals(s.region()))) {
                groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, Row> rows = new TreeMap<>();
        groups.forEach((k, list) -> {
            List<Seeded> first = list.stream().filter(s -> s.kind().equals("FIRST_RESPONSE")).toList();
            List<Seeded> resolution = list.stream().filter(s -> s.kind().equals("RESOLUTION")).toList();
            rows.put(k, new Row(k, first.size(), first.stream().filter(s -> !s.status().equals("RESOLVED")
                    && !s.status().equals("CLOSED")).count(), first.stream().filter(SlaReportOnPostgresTest::met)
                    .count(), first.stream().filter(SlaReportOnPostgresTest::missed).count(),
                    resolution.stream().filter(SlaReportOnPostgresTest::met).count(),
                    resolution.stream().filter(SlaReportOnPostgresTest::missed).count(),
                    list.stream().filter(SlaReportOnPostgresTest::missed).count(),
                    percentile(first, 0.5), percentile(first, 0.9), percentile(resolution, 0.5),
                    percentile(resolution, 0.9)));
        });
        return rows;
    }

    private static boolean met(Seeded s) {
        return s.met() != null && !s.met().isAfter(s.due()) && s.breached() == null;
    }

    private static boolean missed(Seeded s) {
        return s.breached() != null || s.met() != null && s.met().isAfter(s.due());
    }

    /** percentile_cont: linear interpolation between the two nearest ranks of the sorted non-null values. */
    private static Double percentile(List<Seeded> clocks, double fraction) {
        List<Long> values = clocks.stream().map(Seeded::businessSeconds).filter(v -> v != null).sorted().toList();
        if (values.isEmpty()) {
            return null;
        }
        double rank = fraction * (values.size() - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return values.get(below) + (rank - below) * (values.get(above) - values.get(below));
    }

    private static void assertRow(Row expected, Row actual, String what) {
        assertEquals(expected.tickets(), actual.tickets(), what + " tickets");
        assertEquals(expected.open(), actual.open(), what + " open");
        assertEquals(expected.firstResponseMet(), actual.firstResponseMet(), what + " first response met");
        assertEquals(expected.firstResponseMissed(), actual.firstResponseMissed(), what + " first response missed");
        assertEquals(expected.resolutionMet(), actual.resolutionMet(), what + " resolution met");
        assertEquals(expected.resolutionMissed(), actual.resolutionMissed(), what + " resolution missed");
        assertEquals(expected.breaches(), actual.breaches(), what + " breaches");
        assertClose(expected.firstResponseP50(), actual.firstResponseP50(), what + " first response p50");
        assertClose(expected.firstResponseP90(), actual.firstResponseP90(), what + " first response p90");
        assertClose(expected.resolutionP50(), actual.resolutionP50(), what + " resolution p50");
        assertClose(expected.resolutionP90(), actual.resolutionP90(), what + " resolution p90");
    }

    private static void assertClose(Double expected, Double actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
            return;
        }
        assertEquals(expected, actual, 1e-6, what);
    }
}
