package org.custodian.infrastructure.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.custodian.domain.model.sla.SlaAlarmRecompute;
import org.custodian.domain.model.sla.SlaReportRepository.Grouping;
import org.custodian.infrastructure.migration.DatabaseMigrator;

/**
 * The SLA figures of #25 on a real PostgreSQL with the application's migrations: {@code bench.tickets} tickets
 * (default 1,000,000) spread over the year 2026, each with its first-response and resolution clocks (a quarter with
 * a next-response clock too), about three million clocks; then
 * <ol>
 * <li>the SLA report ({@link JdbcSlaReportRepository}, the production SQL) over the whole year for each grouping,
 * three runs each after one warm-up (goal: at most 2 s);</li>
 * <li>the start-up recompute ({@link JdbcSlaAlarmRecompute}) with every ticket open and every clock running and
 * every alarm and due time lost (each row rewritten: the worst case), then again with nothing to correct (an
 * ordinary start) (goal: at most 60 s).</li>
 * </ol>
 * Run: {@code server-config/src/bench/sla/run.sh} (an embedded PostgreSQL with its default settings), or with
 * {@code -Dbench.url=jdbc:postgresql://host:port/db?user=...} against a running one (seeded once, then kept;
 * {@code -Dbench.reportOnly=true} leaves the clocks as seeded).
 */
public final class SlaBenchmark {

    private static final int TICKETS = Integer.getInteger("bench.tickets", 1_000_000);

    private SlaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("bench.url", "");
        if (!url.isBlank()) {
            // a running PostgreSQL (e.g. the application's, or a throwaway one): migrated, seeded once, kept
            org.postgresql.ds.PGSimpleDataSource external = new org.postgresql.ds.PGSimpleDataSource();
            external.setUrl(url);
            run(external);
            return;
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            run(postgres.getPostgresDatabase());
        }
    }

    private static void run(DataSource dataSource) throws Exception {
        {
            DatabaseMigrator.flyway(dataSource).migrate();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select version()")) {
                r.next();
                System.out.println(r.getString(1));
            }
            long seeded = count(dataSource, "select count(*) from sla_clock") > 0 ? 0 : time(() -> seed(dataSource));
            System.out.printf(Locale.ROOT, "seeded %,d tickets and %,d clocks in %.1f s%n", TICKETS,
                    count(dataSource, "select count(*) from sla_clock"), seeded / 1e9);
            report(dataSource);
            if (!Boolean.getBoolean("bench.reportOnly")) {
                recompute(dataSource);
            }
        }
    }

    private static void seed(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // bulk load: the backup change-log triggers are for the application's writes, not a benchmark's seed
            s.execute("set session_replication_role = replica");
            s.execute("insert into team (id, team_key, name, region, created_at, changed_at) select i, 'team-' || i,"
                    + " 'Team ' || i, case when i % 2 = 0 then 'EU' else 'US' end, now(), now()"
                    + " from generate_series(1, 12) i");
            s.execute("insert into customer (id, name, region, created_at) values (1, 'Bench', 'EU', now())");
            // a year of tickets; 85 % resolved within 3 days of creation
            s.execute("insert into ticket (id, subject, description, status, priority, category, region, customer_id,"
                    + " created_at, updated_at, resolved_at, assigned_team_id)"
                    + " select i, 'subject', 'description', case when i % 20 < 17 then 'RESOLVED' else 'OPEN' end,"
                    + " (array['LOW','NORMAL','HIGH','URGENT'])[1 + i % 4],"
                    + " (array['BILLING','NETWORK','HARDWARE','SOFTWARE','ACCESS','SECURITY','OTHER'])[1 + i % 7],"
                    + " (array['EU','US','APAC'])[1 + i % 3], 1, created, created,"
                    + " case when i % 20 < 17 then created + (i % 4320) * interval '1 minute' end,"
                    + " case when i % 13 = 0 then null else 1 + i % 12 end"
                    + " from (select i, timestamptz '2026-01-01 00:00:00+00' + (i::float8 / " + TICKETS
                    + " * 365 * 86400) * interval '1 second' as created from generate_series(1, " + TICKETS
                    + ") i) g");
            // the clocks as the application adds them: the SLA report's rows (V103) come from their insert trigger
            s.execute("set session_replication_role = origin");
            s.execute("insert into ticket_sla (ticket_id, policy_id, policy_version, calendar_id)"
                    + " select id, 1, 1, 1 from ticket");
            String clocks = "insert into sla_clock (id, ticket_id, kind, target_minutes, started_at, paused_seconds,"
                    + " due, warn_at, met_at, breached_at, warned_at, business_seconds)"
                    + " select %s, t.id, '%s', %d, t.created_at + %s, 0,"
                    + " t.created_at + %s + interval '%d minutes', t.created_at + %s + interval '%d minutes',"
                    + " m.met, case when m.met > t.created_at + %s + interval '%d minutes'"
                    + " then t.created_at + %s + interval '%d minutes' end, null,"
                    + " case when m.met is not null then (t.id * 7919) %% %d end"
                    + " from ticket t cross join lateral (select case when %s then t.created_at + %s"
                    + " + ((t.id * 104729) %% %d) * interval '1 minute' end as met) m %s";
            s.execute(String.format(Locale.ROOT, clocks, "t.id * 3", "FIRST_RESPONSE", 60, "interval '0'",
                    "interval '0'", 60, "interval '0'", 45, "interval '0'", 60, "interval '0'", 60, 7200,
                    "t.id % 10 < 9", "interval '0'", 90, ""));
            s.execute(String.format(Locale.ROOT, clocks, "t.id * 3 + 1", "RESOLUTION", 1440, "interval '0'",
                    "interval '0'", 1440, "interval '0'", 1080, "interval '0'", 1440, "interval '0'", 1440, 172800,
                    "t.resolved_at is not null", "interval '0'", 2880, ""));
            s.execute(String.format(Locale.ROOT, clocks, "t.id * 3 + 2", "NEXT_RESPONSE", 240, "interval '2 hours'",
                    "interval '2 hours'", 240, "interval '2 hours'", 180, "interval '2 hours'", 240,
                    "interval '2 hours'", 240, 28800, "t.id % 10 < 8", "interval '2 hours'", 300,
                    "where t.id % 4 = 0"));
            s.execute("vacuum analyze ticket");
            s.execute("vacuum analyze sla_clock");
            s.execute("vacuum analyze ticket_sla");
            s.execute("vacuum analyze sla_report_clock");
        }
    }

    private static void report(DataSource dataSource) throws SQLException {
        JdbcSlaReportRepository report = new JdbcSlaReportRepository(dataSource);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2027-01-01T00:00:00Z");
        System.out.println("load average: " + loadAverage());
        // the machine's pace, so that the figures compare across loads: PostgreSQL's bare scan of the rows the report
        // reads (counted only: no grouping, no percentiles), and the join the former statement started from
        String bare = "select count(*) from sla_report_clock"
                + " where started_at >= '2026-01-01Z' and started_at < '2027-01-01Z'";
        count(dataSource, bare);
        System.out.printf(Locale.ROOT, "baseline: count(*) of the report rows in the year (bare scan): %.2f s%n",
                time(() -> count(dataSource, bare)) / 1e9);
        String join = "select count(*) from sla_clock c join ticket t on t.id = c.ticket_id"
                + " where c.started_at >= '2026-01-01Z' and c.started_at < '2027-01-01Z'";
        count(dataSource, join);
        System.out.printf(Locale.ROOT, "baseline: count(*) of the clocks joined to their tickets: %.2f s%n",
                time(() -> count(dataSource, join)) / 1e9);
        for (Grouping grouping : Grouping.values()) {
            long former = time(() -> count(dataSource, "select count(*) from (" + FormerSlaReport.sql(grouping)
                    + ") f"));
            System.out.printf(Locale.ROOT, "before (the V98 statement over sla_clock joined to ticket), groupBy=%-8s"
                    + " one run: %.2f s%n", grouping.name().toLowerCase(Locale.ROOT), former / 1e9);
        }
        for (Grouping grouping : Grouping.values()) {
            int[] groups = new int[1];
            report.rows(from, to, grouping, null); // warm-up
            List<Long> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(time(() -> groups[0] = report.rows(from, to, grouping, null).size()));
            }
            Collections.sort(runs);
            System.out.printf(Locale.ROOT, "SLA report over a year, groupBy=%-8s %4d groups: median %.2f s"
                    + " (min %.2f, max %.2f)%n", grouping.name().toLowerCase(Locale.ROOT), groups[0],
                    runs.get(1) / 1e9, runs.get(0) / 1e9, runs.get(2) / 1e9);
        }
        System.out.println("load average: " + loadAverage());
        try (BackendCpu cpu = new BackendCpu(dataSource)) {
            DataSource session = cpu.dataSource();
            JdbcSlaReportRepository pinned = new JdbcSlaReportRepository(session);
            System.out.printf(Locale.ROOT, "CPU seconds of one backend (parallel workers off; best of two):"
                    + " bare scan %.2f, clocks joined to tickets %.2f%n", cpuOf(cpu, () -> count(session, bare)),
                    cpuOf(cpu, () -> count(session, join)));
            for (Grouping grouping : Grouping.values()) {
                double before = cpuOf(cpu, () -> count(session, "select count(*) from ("
                        + FormerSlaReport.sql(grouping) + ") f"));
                double after = cpuOf(cpu, () -> pinned.rows(from, to, grouping, null));
                System.out.printf(Locale.ROOT, "CPU seconds, groupBy=%-8s before (V98 statement) %.2f, now %.2f%n",
                        grouping.name().toLowerCase(Locale.ROOT), before, after);
            }
        }
        System.out.println("load average: " + loadAverage());
    }

    private static void recompute(DataSource dataSource) throws SQLException {
        long reset = time(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                // no triggers (the report's rows and the backup change log are not measured here)
                s.execute("set session_replication_role = replica");
                s.execute("update ticket set status = 'OPEN', resolved_at = null, sla_due_at = null");
                s.execute("update sla_clock set met_at = null, stopped_at = null, warned_at = null,"
                        + " breached_at = null, business_seconds = null, alarm_at = null");
                s.execute("set session_replication_role = origin");
                s.execute("vacuum analyze ticket");
                s.execute("vacuum analyze sla_clock");
            }
        });
        System.out.println("load average: " + loadAverage());
        System.out.printf(Locale.ROOT, "made all %,d tickets open with every clock running, alarms lost (%.1f s)%n",
                TICKETS, reset / 1e9);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        JdbcSlaAlarmRecompute recompute = new JdbcSlaAlarmRecompute(dataSource, executor);
        SlaAlarmRecompute.Result[] result = new SlaAlarmRecompute.Result[1];
        long worst = time(() -> result[0] = recompute.recompute());
        System.out.printf(Locale.ROOT, "start-up recompute, every row corrected: %.1f s (%s)%n", worst / 1e9,
                result[0]);
        long ordinary = time(() -> result[0] = recompute.recompute());
        System.out.printf(Locale.ROOT, "start-up recompute, nothing to correct:  %.1f s (%s)%n", ordinary / 1e9,
                result[0]);
        executor.shutdown();
        long lookup = time(() -> count(dataSource,
                "select count(*) from (select alarm_at from sla_clock where alarm_at is not null"
                        + " order by alarm_at limit 1) a"));
        System.out.printf(Locale.ROOT, "then the timer's earliest-alarm lookup: %.1f ms%n", lookup / 1e6);
        System.out.println("load average: " + loadAverage());
    }

    /** The least CPU time of two runs of the work in the backend. */
    private static double cpuOf(BackendCpu cpu, Work work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            double started = cpu.seconds();
            time(work);
            best = Math.min(best, cpu.seconds() - started);
        }
        return best;
    }

    /** The 1-, 5- and 15-minute load averages (Linux), or what keeps them from being read. */
    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    interface Work {
        void run() throws Exception;
    }

    private static long time(Work work) {
        long started = System.nanoTime();
        try {
            work.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - started;
    }
}
