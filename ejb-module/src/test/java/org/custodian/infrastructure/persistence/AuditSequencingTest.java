package org.custodian.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditRecord;
import org.custodian.domain.model.audit.AuditTrailVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The append path's SQL on a real PostgreSQL with the application's schema: concurrency, rollback, crash gap. */
class AuditSequencingTest {

    @RegisterExtension
    static final MigratedPostgres POSTGRES = new MigratedPostgres();

    @BeforeEach
    void emptyTrail() throws SQLException {
        try (Connection connection = POSTGRES.connection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate audit_event, audit_pending, audit_checkpoint");
            statement.execute("update audit_chain_head set last_sequence = 0, last_hash = '" + AuditEvent.GENESIS_HASH
                    + "', merkle_frontier = '0:'");
        }
    }

    static AuditRecord record(String actor, String requestId, int index) {
        return new AuditRecord(actor, "AGENT", "TICKET_READ", "TICKET", String.valueOf(index), "subject",
                AuditOutcome.SUCCESS, requestId, "10.0.0.1");
    }

    /** One operation's transaction: its events pending, committed; then chained, as the container does after commit. */
    static void operation(List<AuditRecord> records, boolean commit) throws SQLException {
        try (Connection connection = POSTGRES.connection()) {
            connection.setAutoCommit(false);
            AuditSequencing.enqueue(connection, records, Instant.now());
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        }
        if (commit) {
            drain(5000);
        }
    }

    static long drain(int limit) throws SQLException {
        long chained = 0;
        try (Connection connection = POSTGRES.connection()) {
            connection.setAutoCommit(false);
            int batch;
            do {
                batch = AuditSequencing.sequence(connection, limit);
                if (batch == 0) {
                    connection.rollback();
                } else {
                    connection.commit();
                }
                chained += batch;
            } while (batch == limit);
        }
        return chained;
    }

    @Test
    void concurrentOperationsAreChainedOnceEachInOrderWithoutGaps() throws Exception {
        int threads = 8;
        int operations = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> recorded = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String actor = "user" + t;
            recorded.add(pool.submit(() -> {
                int count = 0;
                for (int op = 0; op < operations; op++) {
                    List<AuditRecord> records = new ArrayList<>();
                    for (int i = 0; i <= op % 3; i++) {
                        records.add(record(actor, actor + "-" + op, i));
                    }
                    operation(records, true);
                    count += records.size();
                }
                return count;
            }));
        }
        long expected = 0;
        for (Future<Integer> each : recorded) {
            expected += each.get();
        }
        pool.shutdown();

        assertEquals(0, count("select count(*) from audit_pending"), "every committed event was chained");
        assertEquals(expected, count("select count(*) from audit_event"));
        assertEquals(expected, count("select max(sequence) from audit_event"), "sequences 1..n without gaps");
        assertEquals(expected, count("select last_sequence from audit_chain_head"));

        // the stored trail verifies (chain, leaf hashes, Merkle frontier against the head's) and keeps every
        // operation's events in the order it recorded them, each operation's before the same user's next
        AuditTrailVerifier verifier = new AuditTrailVerifier(List.of(), checkpoint -> true);
        Map<String, int[]> lastSeen = new HashMap<>();
        try (Connection connection = POSTGRES.connection();
                PreparedStatement select = connection.prepareStatement("select "
                        + JpaAuditEventRepository.STORED_EVENT_COLUMNS + " from audit_event order by sequence");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                AuditEvent event = JpaAuditEventRepository.storedEvent(rows);
                assertTrue(verifier.accept(event), "chain breaks at " + event.getSequence());
                int op = Integer.parseInt(event.getRequestId().substring(event.getRequestId().indexOf('-') + 1));
                int index = Integer.parseInt(event.getResourceId());
                int[] last = lastSeen.getOrDefault(event.getActor(), new int[] {-1, -1});
                assertTrue(op > last[0] || op == last[0] && index == last[1] + 1,
                        event.getActor() + " op " + op + " event " + index + " after op " + last[0] + " event "
                                + last[1]);
                if (op > last[0]) {
                    assertEquals(0, index, "an operation's first event comes first");
                }
                lastSeen.put(event.getActor(), new int[] {op, index});
            }
        }
        try (Connection connection = POSTGRES.connection();
                Statement statement = connection.createStatement();
                ResultSet head = statement.executeQuery("select last_sequence, last_hash, merkle_frontier"
                        + " from audit_chain_head")) {
            head.next();
            verifier.finish(head.getLong(1), head.getString(2));
            assertTrue(verifier.isIntact(), verifier.reason());
            assertEquals(verifier.frontier().encode(), head.getString(3), "the head's Merkle edge is the trail's");
        }
    }

    @Test
    void bulkAppendsOfBatchChunksInterleaveWithPendingOnesWithoutGapsOrDuplicates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            String actor = "user" + t;
            work.add(pool.submit(() -> {
                for (int op = 0; op < 100; op++) {
                    operation(List.of(record(actor, actor + "-" + op, 0)), true);
                }
                return null;
            }));
        }
        work.add(pool.submit(() -> {
            for (int chunk = 0; chunk < 20; chunk++) {
                List<AuditRecord> skeletons = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    skeletons.add(record("purge", "chunk-" + chunk, i));
                }
                try (Connection connection = POSTGRES.connection()) {
                    connection.setAutoCommit(false);
                    AuditSequencing.appendNow(connection, skeletons, Instant.now());
                    connection.commit();
                }
            }
            return null;
        }));
        for (Future<?> each : work) {
            each.get();
        }
        pool.shutdown();
        assertEquals(0, count("select count(*) from audit_pending"));
        assertEquals(1300, count("select count(*) from audit_event"));
        assertEquals(1300, count("select max(sequence) from audit_event"));
        // a chunk's events are contiguous: chained at once under the head's lock
        assertEquals(20, count("select count(*) from (select request_id from audit_event where actor = 'purge'"
                + " group by request_id having max(sequence) - min(sequence) = 49) chunks"));
        AuditTrailVerifier verifier = new AuditTrailVerifier(List.of(), checkpoint -> true);
        try (Connection connection = POSTGRES.connection();
                PreparedStatement select = connection.prepareStatement("select "
                        + JpaAuditEventRepository.STORED_EVENT_COLUMNS + " from audit_event order by sequence");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                assertTrue(verifier.accept(JpaAuditEventRepository.storedEvent(rows)));
            }
        }
        assertEquals(1300, verifier.verifiedCount());
    }

    @Test
    void aRolledBackOperationLeavesNoEventPendingOrChained() throws SQLException {
        operation(List.of(record("alice", "r-1", 0)), true);
        operation(List.of(record("bob", "r-2", 0), record("bob", "r-2", 1)), false);
        assertEquals(0, count("select count(*) from audit_pending"));
        assertEquals(1, count("select count(*) from audit_event"));
        assertEquals(0, count("select count(*) from audit_event where actor = 'bob'"));
        assertEquals(0, drain(5000), "nothing left to chain");
    }

    @Test
    void eventsCommittedButNotChainedBeforeACrashAreChainedFirstByTheNextDrain() throws SQLException {
        // the process died between the operation's commit and the chaining: the rows are committed, pending
        try (Connection connection = POSTGRES.connection()) {
            AuditSequencing.enqueue(connection, List.of(record("alice", "r-1", 0), record("alice", "r-1", 1)),
                    Instant.now());
        }
        assertEquals(2, count("select count(*) from audit_pending"));
        operation(List.of(record("bob", "r-2", 0)), true);
        assertEquals(0, count("select count(*) from audit_pending"));
        assertEquals(List.of("alice", "alice", "bob"), texts("select actor from audit_event order by sequence"));
    }

    @Test
    void batchesLargerThanTheLimitAreChainedInSeveralTransactionsInOrder() throws SQLException {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            records.add(record("purge", "chunk-1", i));
        }
        try (Connection connection = POSTGRES.connection()) {
            AuditSequencing.enqueue(connection, records, Instant.now());
        }
        assertEquals(25, drain(10));
        List<String> ids = texts("select resource_id from audit_event order by sequence");
        for (int i = 0; i < 25; i++) {
            assertEquals(String.valueOf(i), ids.get(i));
        }
    }

    @Test
    void chainingWaitsForAHolderOfTheHeadLock() throws Exception {
        operation(List.of(record("alice", "r-1", 0)), true);
        try (Connection checkpoint = POSTGRES.connection()) {
            // a checkpoint being signed holds the head: what it signs must not move under it
            checkpoint.setAutoCommit(false);
            try (Statement lock = checkpoint.createStatement()) {
                lock.executeQuery("select last_sequence from audit_chain_head where id = 1 for update").close();
            }
            try (Connection connection = POSTGRES.connection()) {
                AuditSequencing.enqueue(connection, List.of(record("bob", "r-2", 0)), Instant.now());
            }
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Long> chaining = pool.submit(() -> drain(5000));
            Thread.sleep(300);
            assertTrue(!chaining.isDone(), "the sequencer waits for the head");
            assertEquals(1, count("select last_sequence from audit_chain_head"));
            checkpoint.commit();
            assertEquals(1L, chaining.get());
            pool.shutdown();
        }
        assertEquals(2, count("select last_sequence from audit_chain_head"));
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = POSTGRES.connection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> texts(String sql) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection connection = POSTGRES.connection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }
}
