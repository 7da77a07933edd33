package org.custodian.infrastructure.backup;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Reads the tables of one snapshot on several connections at once, as {@code pg_dump -j} does: the main source
 * exports its snapshot and every further worker imports it on a connection of its own, so each table is still read
 * as of the same instant. The work (tables, or parts of a large table) is handed out in the order given (largest
 * first, so the small ones fill the end), each piece to whichever worker is free. The calling thread is one of the
 * workers; with parallelism 1 it does all of it.
 * <p>
 * The first failure stops the others from taking further tables, and every worker has finished before this
 * returns or throws: the caller may then delete what they wrote.
 */
final class SnapshotWorkers {

    /** What to do with one piece of work (a table, or a part of one) on a worker's connection. */
    @FunctionalInterface
    interface Job<T> {
        void run(PostgresSnapshotSource source, T piece) throws IOException, SQLException;
    }

    private SnapshotWorkers() {
    }

    static <T> void run(PostgresSnapshotSource main, DataSource dataSource, Executor executor, int parallelism,
            List<T> pieces, Job<T> job) throws IOException, SQLException {
        Queue<T> queue = new ConcurrentLinkedQueue<>(pieces);
        AtomicBoolean failed = new AtomicBoolean();
        List<Exception> failures = new ArrayList<>();
        int helpers = Math.min(parallelism, pieces.size()) - 1;
        List<CompletableFuture<Void>> running = new ArrayList<>();
        if (helpers > 0) {
            String snapshot = main.exportSnapshot();
            for (int i = 0; i < helpers; i++) {
                try {
                    running.add(CompletableFuture.runAsync(() -> {
                        try (PostgresSnapshotSource source = PostgresSnapshotSource.attach(dataSource, snapshot)) {
                            drain(queue, source, job, failed);
                        } catch (IOException | SQLException | RuntimeException e) {
                            failed.set(true);
                            record(failures, e);
                        }
                    }, executor));
                } catch (RejectedExecutionException e) {
                    break; // a busy server: the workers already started (and this thread) take the rest
                }
            }
        }
        try {
            drain(queue, main, job, failed);
        } catch (IOException | SQLException | RuntimeException e) {
            failed.set(true);
            record(failures, e);
        }
        for (CompletableFuture<Void> worker : running) {
            worker.join(); // exceptions were caught and recorded inside
        }
        rethrowFirst(failures);
    }

    private static <T> void drain(Queue<T> queue, PostgresSnapshotSource source, Job<T> job, AtomicBoolean failed)
            throws IOException, SQLException {
        T piece;
        while (!failed.get() && (piece = queue.poll()) != null) {
            job.run(source, piece);
        }
    }

    private static void record(List<Exception> failures, Exception e) {
        synchronized (failures) {
            failures.add(e);
        }
    }

    private static void rethrowFirst(List<Exception> failures) throws IOException, SQLException {
        synchronized (failures) {
            if (failures.isEmpty()) {
                return;
            }
            Exception first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            if (first instanceof IOException e) {
                throw e;
            }
            if (first instanceof SQLException e) {
                throw e;
            }
            throw (RuntimeException) first;
        }
    }
}
