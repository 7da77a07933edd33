package org.custodian.infrastructure.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.custodian.application.audit.GroupedDrain;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditRecord;
import org.custodian.domain.model.audit.AuditTrailVerifier;
import org.custodian.domain.model.audit.PendingAuditRecord;
import org.custodian.infrastructure.migration.DatabaseMigrator;

/**
 * Sustained audit append rate on a real PostgreSQL with durable commits (synchronous_commit=on, fsync on; the
 * embedded server's default turns synchronous_commit off, which would flatter every figure), through the
 * application's own SQL ({@link AuditSequencing}) and the application's schema.
 *
 * <p>Request threads each run operations of their own transaction: record the events, commit. Two ways:
 * <ul>
 * <li><b>pending</b> (the application's path): the events go to audit_pending without a lock; after the commit the
 * thread waits for its events to be chained by the application's {@link GroupedDrain} (one drain at a time), as the
 * API's response filter does, so every operation ends with its events chained;</li>
 * <li><b>inline</b> (the path before it): the operation locks the chain head, chains its events and commits, i.e.
 * holds the head until its commit is on disk. Here the operation has no other work; in the application the head
 * was held across the request's own writes too, so this is the old path at its best.</li>
 * <li><b>held</b> (the application's path for reads): the operation's transaction writes nothing (a read); its
 * events are handed to the {@link GroupedDrain} in memory and the thread waits until the drain has chained them
 * after any pending rows, in one transaction for every request that handed some over meanwhile.</li>
 * </ul>
 * Not a test: run with {@code ./mvnw -q -pl ejb-module -Pbench test} (or {@code -Dbench.append.seconds=N}).
 */
public final class AuditAppendBenchmark {

    private static final int SECONDS = Integer.getInteger("bench.append.seconds", 15);
    private static final int WARMUP_SECONDS = 3;

    private AuditAppendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("target", "bench-append-pg");
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(data);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("shared_buffers", "256MB")
                .start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            DatabaseMigrator.flyway(dataSource).migrate();
            System.out.println("PostgreSQL " + scalar(dataSource, "show server_version") + ", synchronous_commit="
                    + scalar(dataSource, "show synchronous_commit") + ", fsync=" + scalar(dataSource, "show fsync")
                    + "; Java " + System.getProperty("java.version") + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores; " + SECONDS + " s per run after "
                    + WARMUP_SECONDS + " s warm-up");
            if (System.getProperty("bench.append.capacity") != null) {
                capacity(dataSource, 100_000);
                return;
            }
            for (int threads : new int[] {16, 64}) {
                for (int perOperation : new int[] {1, 3}) {
                    run(dataSource, "inline ", threads, perOperation);
                    run(dataSource, "pending", threads, perOperation);
                    run(dataSource, "held   ", threads, perOperation);
                    run(dataSource, "commit ", threads, perOperation);
                }
            }
            // batch jobs: a retention chunk records a thousand skeletons in its transaction
            run(dataSource, "inline ", 2, 1000);
            run(dataSource, "pending", 2, 1000);
            capacity(dataSource, 1_000_000);
        }
    }

    private static void run(DataSource dataSource, String mode, int threads, int perOperation) throws Exception {
        reset(dataSource);
        ExecutorService requests = Executors.newFixedThreadPool(threads);
        ExecutorService sequencer = Executors.newFixedThreadPool(2);
        GroupedDrain group = new GroupedDrain(sequencer, held -> {
            try {
                drain(dataSource, held);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong events = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String actor = "user" + t;
            long[] nanos = new long[2_000_000];
            latencies.add(nanos);
            workers.add(requests.submit(() -> {
                int done = 0;
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    for (long op = 0; !stop.get(); op++) {
                        List<AuditRecord> records = new ArrayList<>(perOperation);
                        for (int i = 0; i < perOperation; i++) {
                            records.add(new AuditRecord(actor, "AGENT", "TICKET_READ", "TICKET", String.valueOf(op),
                                    "basis=OWN_REGION,class=CONFIDENTIAL,description~masked,status,subject~masked",
                                    AuditOutcome.SUCCESS, actor + "-" + op, "10.0.0.7"));
                        }
                        long started = System.nanoTime();
                        if (mode.startsWith("held")) {
                            Instant at = Instant.now();
                            GroupedDrain.Ticket ticket = group.ask(records.stream()
                                    .map(record -> new PendingAuditRecord(0, at, record)).toList());
                            ticket.held().get(10, TimeUnit.SECONDS);
                        } else {
                            AuditSequencing.enqueue(connection, records, Instant.now());
                        }
                        if (mode.startsWith("held")) {
                            // chained above; the read's own transaction wrote nothing
                        } else if (mode.startsWith("inline")) {
                            AuditSequencing.sequence(connection, perOperation);
                            connection.commit();
                        } else if (mode.startsWith("commit")) {
                            connection.commit(); // the operation's own commit, nothing chained: the ceiling
                        } else {
                            connection.commit();
                            if (!group.awaitChained(Duration.ofSeconds(10))) {
                                throw new IllegalStateException("not chained within 10 s");
                            }
                        }
                        if (measuring.get()) {
                            events.addAndGet(perOperation);
                            if (done < nanos.length) {
                                nanos[done++] = System.nanoTime() - started;
                            }
                        }
                    }
                }
                nanos[nanos.length - 1] = done;
                return null;
            }));
        }
        Thread.sleep(WARMUP_SECONDS * 1000L);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(SECONDS * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long counted = events.get();
        stop.set(true);
        for (Future<?> worker : workers) {
            worker.get();
        }
        requests.shutdown();
        sequencer.shutdown();
        long[] all = latencies.stream().flatMapToLong(nanos -> Arrays.stream(nanos, 0, (int) nanos[nanos.length - 1]))
                .sorted().toArray();
        String verified = mode.startsWith("commit") ? "not chained (the ceiling)" : verify(dataSource);
        System.out.printf("%s %2d threads, %d event(s)/operation: %,8.0f events/s  operation p50 %.1f ms, p99 %.1f ms"
                        + "  | trail %s%n", mode, threads, perOperation, counted / elapsed,
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, verified);
    }

    /**
     * The sequencer alone: {@code events} committed pending (as after a burst, or a restart after an outage), then
     * chained in 5,000-event transactions, strict order, timed.
     */
    private static void capacity(DataSource dataSource, int events) throws SQLException {
        reset(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into audit_pending (occurred_at, actor, actor_roles, action, resource_type,"
                    + " resource_id, fields, outcome, request_id, client_address) select now(), 'user' || (i % 64),"
                    + " 'AGENT', 'TICKET_READ', 'TICKET', i::text, 'basis=OWN_REGION,class=CONFIDENTIAL,"
                    + "description~masked,status,subject~masked', 'SUCCESS', 'req-' || i, '10.0.0.7'"
                    + " from generate_series(1, " + events + ") i");
            statement.execute("vacuum analyze audit_pending");
        }
        long start = System.nanoTime();
        long chained = drain(dataSource);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("sequencer alone: %,d pending events chained in %.2f s: %,8.0f events/s  | trail %s%n",
                chained, elapsed, chained / elapsed, verify(dataSource));
    }

    /** The sequencer threads' connections, kept open as the container's pool keeps them. */
    private static final ThreadLocal<Connection> SEQUENCER_CONNECTION = new ThreadLocal<>();

    private static long drain(DataSource dataSource) throws SQLException {
        return drain(dataSource, List.of());
    }

    private static long drain(DataSource dataSource, List<PendingAuditRecord> held) throws SQLException {
        Connection connection = SEQUENCER_CONNECTION.get();
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            SEQUENCER_CONNECTION.set(connection);
        }
        {
            long chained = 0;
            int batch;
            List<PendingAuditRecord> first = held;
            do {
                batch = AuditSequencing.sequence(connection, 5000, first);
                if (batch == 0 && first.isEmpty()) {
                    connection.rollback();
                } else {
                    connection.commit();
                }
                chained += batch + first.size();
                first = List.of();
            } while (batch == 5000);
            return chained;
        }
    }

    private static void reset(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate audit_event, audit_pending");
            statement.execute("vacuum analyze audit_pending, audit_chain_head");
            statement.execute("update audit_chain_head set last_sequence = 0, last_hash = '" + AuditEvent.GENESIS_HASH
                    + "', merkle_frontier = '0:'");
            statement.execute("checkpoint");
        }
    }

    /** Every event chained once, without gaps, and the trail verifies against the head. */
    private static String verify(DataSource dataSource) throws SQLException {
        AuditTrailVerifier verifier = new AuditTrailVerifier(List.of(), checkpoint -> true);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("select "
                    + JpaAuditEventRepository.STORED_EVENT_COLUMNS + " from audit_event order by sequence")) {
                select.setFetchSize(10_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && verifier.accept(JpaAuditEventRepository.storedEvent(rows))) {
                        // accept until the first bad event
                    }
                }
            }
            try (Statement statement = connection.createStatement();
                    ResultSet head = statement.executeQuery("select last_sequence, last_hash from audit_chain_head")) {
                head.next();
                verifier.finish(head.getLong(1), head.getString(2));
            }
            connection.commit();
        }
        long pending = Long.parseLong(scalar(dataSource, "select count(*) from audit_pending"));
        return (verifier.isIntact() ? "OK" : "BROKEN at " + verifier.firstBadSequence()) + ", "
                + verifier.verifiedCount() + " events, " + pending + " pending";
    }

    private static String scalar(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
