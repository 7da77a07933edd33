package org.custodian.infrastructure.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.custodian.infrastructure.migration.DatabaseMigrator;

/**
 * What the rate limit costs a request on a real PostgreSQL: the counter upsert of {@link JdbcRateCounterStore}
 * (two buckets, as every authenticated request has) against the cheapest round trip, {@code select 1}, measured in
 * the same run on the same connections (one per thread, as a pool gives them). Threads work on distinct credentials
 * and share one source address, the contended row of a busy office.
 *
 * <p>Run: {@code server-config/src/bench/ratelimit/run.sh} (or this class's main with the test class path).
 */
public final class RateLimitBenchmark {

    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 20_000);

    private RateLimitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            DatabaseMigrator.flyway(dataSource).migrate();
            run(dataSource, "warm-up select 1", false, REQUESTS / 4);
            run(dataSource, "warm-up upsert", true, REQUESTS / 4);
            for (int round = 1; round <= 2; round++) {
                double baseline = run(dataSource, "baseline: select 1 (round " + round + ")", false, REQUESTS);
                double counted = run(dataSource, "rate limit: upsert of 2 buckets (round " + round + ")", true,
                        REQUESTS);
                System.out.printf(Locale.ROOT, "overhead per request, round %d: %.1f us (%.1f us vs %.1f us)%n", round,
                        counted - baseline, counted, baseline);
            }
        }
    }

    /** @return mean microseconds per request over all threads */
    private static double run(DataSource dataSource, String label, boolean upsert, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Long>> runs = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            runs.add(pool.submit(() -> work(dataSource, thread, upsert, requests)));
        }
        long nanos = 0;
        for (Future<Long> run : runs) {
            nanos += run.get();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        double mean = nanos / 1e3 / ((double) THREADS * requests);
        System.out.printf(Locale.ROOT, "%-50s %d threads x %d: %.1f us/request, %.0f requests/s%n", label, THREADS,
                requests, mean, THREADS * requests / wall);
        return mean;
    }

    private static long work(DataSource dataSource, int thread, boolean upsert, int requests) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        upsert ? JdbcRateCounterStore.upsertSql(2) : "select 1")) {
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                if (upsert) {
                    long window = System.currentTimeMillis() / 60_000 * 60;
                    statement.setString(1, "key:bench" + thread);
                    statement.setLong(2, window);
                    statement.setString(3, "source:192.0.2.1");
                    statement.setLong(4, window);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(upsert ? 2 : 1);
                    }
                }
            }
            return System.nanoTime() - start;
        }
    }
}
