package org.custodian.infrastructure.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.custodian.infrastructure.backup.PostgresSnapshotSource.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tables read side by side on several connections see one snapshot; a failure stops and waits for the rest. */
class SnapshotWorkersOnPostgresTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static ExecutorService executor;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        executor = Executors.newCachedThreadPool();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            for (String table : List.of("alpha", "beta", "gamma")) {
                sql.execute("create table " + table + " (id bigint primary key)");
                sql.execute("insert into " + table + " select generate_series(1, 10)");
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        executor.shutdownNow();
        postgres.close();
    }

    @Test
    void threeConnectionsReadOneTableEachAsOfTheMainSnapshot() throws Exception {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        Set<PostgresSnapshotSource> sources = ConcurrentHashMap.newKeySet();
        // every worker must hold a table at the same time, or the barrier times out
        CyclicBarrier together = new CyclicBarrier(3);
        try (PostgresSnapshotSource main = PostgresSnapshotSource.open(dataSource)) {
            assertEquals(10, main.count(table("alpha"))); // fixes the snapshot
            try (Connection writer = dataSource.getConnection(); Statement sql = writer.createStatement()) {
                sql.execute("insert into beta select generate_series(11, 15)");
                sql.execute("delete from gamma where id > 5");
            }
            SnapshotWorkers.run(main, dataSource, executor, 3, main.largestFirst(main.tables()),
                    (source, table) -> {
                        sources.add(source);
                        counts.put(table.name(), source.count(table));
                        try {
                            together.await(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IOException("the three workers did not run side by side", e);
                        }
                    });
        }
        assertEquals(Map.of("alpha", 10L, "beta", 10L, "gamma", 10L), counts);
        assertEquals(3, sources.size());
    }

    @Test
    void theFirstFailureStopsTheOthersAndEveryWorkerHasEndedWhenItIsThrown() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        IOException broken = new IOException("disk full");
        try (PostgresSnapshotSource main = PostgresSnapshotSource.open(dataSource)) {
            main.count(table("alpha"));
            List<Table> many = List.of(table("alpha"), table("beta"), table("gamma"), table("alpha"),
                    table("beta"), table("gamma"), table("alpha"), table("beta"));
            IOException thrown = assertThrows(IOException.class, () -> SnapshotWorkers.run(main, dataSource,
                    executor, 2, many, (source, table) -> {
                        running.incrementAndGet();
                        try {
                            if (started.incrementAndGet() == 2) {
                                throw broken;
                            }
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            running.decrementAndGet();
                        }
                    }));
            assertSame(broken, thrown);
            assertEquals(0, running.get());
            // each worker finishes at most the table it holds: far fewer than the eight it was given
            assertTrue(started.get() <= 3, "tables started after the failure: " + started.get());
        }
    }

    private static Table table(String name) {
        return new Table(name, PostgresSnapshotSource.Mode.WHOLE, "id");
    }
}
