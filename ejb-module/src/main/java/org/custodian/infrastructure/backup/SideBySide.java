package org.custodian.infrastructure.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one worker (typically draining a shared queue) on the calling thread and on up to {@code threads - 1}
 * threads of an executor at once; a busy executor that refuses leaves the work to fewer threads. Every worker has
 * ended when this returns or throws the first failure (the others added as suppressed).
 */
final class SideBySide {

    /** One worker's run; may fail with E. */
    @FunctionalInterface
    interface Worker<E extends Exception> {
        void run() throws E;
    }

    private SideBySide() {
    }

    @SuppressWarnings("unchecked") // a worker throws only E or unchecked exceptions
    static <E extends Exception> void run(int threads, Executor executor, Worker<E> worker) throws E {
        List<Exception> failures = new ArrayList<>();
        Runnable guarded = () -> {
            try {
                worker.run();
            } catch (Exception e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        };
        List<CompletableFuture<Void>> helpers = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            try {
                helpers.add(CompletableFuture.runAsync(guarded, executor));
            } catch (RejectedExecutionException e) {
                break;
            }
        }
        guarded.run();
        helpers.forEach(CompletableFuture::join);
        synchronized (failures) {
            if (failures.isEmpty()) {
                return;
            }
            Exception first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            if (first instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw (E) first;
        }
    }
}
