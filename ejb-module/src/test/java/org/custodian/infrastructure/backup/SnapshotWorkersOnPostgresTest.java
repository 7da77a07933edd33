package org.custodian.infrastructure.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.custodian.infrastructure.backup.PostgresSnapshotSource.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables read side by side on several connections see one snapshot; a failure stops and waits for the rest; a large
 * table's page ranges read side by side make one file.
 */
class SnapshotWorkersOnPostgresTest {

    private static final Path KEYS = Path.of("../server-config/src/test/dev-keys");

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

    @Test
    void aLargeTableReadInPageRangesOnTwoConnectionsMakesOneFileWithTheHeaderFirstAndEveryRowOnce(@TempDir Path target)
            throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create table wide (id bigint primary key, body text)");
            sql.execute("insert into wide select g, repeat('x', 200) || g from generate_series(1, 20000) g");
        }
        Table wide = table("wide");
        OpenPgpEnvelope envelope = OpenPgpEnvelope.forRecipients(Files.readString(KEYS.resolve(
                "backup-recipient-public.asc"))).sharingOneSessionKey();
        BackupFile written;
        try (PostgresSnapshotSource main = PostgresSnapshotSource.open(dataSource);
                BackupSetWriter writer = new BackupSetWriter(target, "set", envelope, Instant.now(), executor, 2)) {
            long pages = main.pages().get("wide");
            assertTrue(pages > 100, "pages: " + pages);
            try (Connection other = dataSource.getConnection(); Statement sql = other.createStatement()) {
                sql.execute("insert into wide select g, 'later' from generate_series(20001, 20100) g");
            }
            BackupSetWriter.SharedFile file = writer.shared("wide.csv", "wide", "rows", 3);
            file.writePart(out -> main.copyHeader(wide, out));
            List<long[]> ranges = List.of(new long[] {0, pages / 2}, new long[] {pages / 2, -1});
            SnapshotWorkers.run(main, dataSource, executor, 2, ranges,
                    (source, range) -> file.writePart(out -> source.copyPages(wide, range[0], range[1], out)));
            written = file.written();
            List<String> lines;
            try (InputStream in = OpenPgpDecryptor.fromSecretKey(Files.readString(KEYS.resolve(
                    "backup-recipient-secret.asc")), new char[0]).decrypt(Files.newInputStream(target.resolve(
                    BackupSetWriter.partialName("set")).resolve(written.path())))) {
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
            assertEquals("id,body", lines.get(0));
            assertEquals(LongStream.rangeClosed(1, 20000).boxed().toList(), lines.subList(1, lines.size()).stream()
                    .map(line -> Long.parseLong(line.substring(0, line.indexOf(',')))).sorted().toList(),
                    "every row of the snapshot once, none inserted after it");
        }
        assertEquals(20000, written.rows());
    }

    private static Table table(String name) {
        return new Table(name, PostgresSnapshotSource.Mode.WHOLE, "id");
    }
}
