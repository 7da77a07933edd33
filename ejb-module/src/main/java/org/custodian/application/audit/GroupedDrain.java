package org.custodian.application.audit;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chaining after commit, grouped: at most one drain runs at a time in this process, and each covers every commit
 * that asked before it started. Under load one drain (one short transaction under the head lock, one commit to
 * disk) chains the events of every request that committed meanwhile, instead of one per request.
 *
 * <p>A committing thread takes a ticket after its commit and waits until a drain that started after the ticket has
 * ended: that drain saw its committed rows. A failed drain releases its waiters too (their events stay pending,
 * committed, for the sequencer's timer); an operation that already committed is not failed after the fact.
 */
public final class GroupedDrain {

    private static final Logger LOG = Logger.getLogger(GroupedDrain.class.getName());

    private final Executor executor;
    private final Runnable drain;

    private long requested;
    private long completed;
    private boolean running;

    public GroupedDrain(Executor executor, Runnable drain) {
        this.executor = executor;
        this.drain = drain;
    }

    /** Waits until the events committed before this call are chained; false if that took longer than wait. */
    public boolean awaitChained(Duration wait) throws InterruptedException {
        return await(ask(), wait);
    }

    /**
     * Asks for the events committed before this call to be chained, without waiting; returns the ticket to
     * {@link #await} (0 if no drain could be started: the sweeper's timer will chain them).
     */
    public long ask() {
        synchronized (this) {
            long ticket = ++requested;
            if (!running) {
                running = true;
                try {
                    executor.execute(this::drainWhileAsked);
                } catch (RejectedExecutionException e) {
                    running = false;
                    LOG.warning(() -> "The audit sequencer's executor refused a drain; the timer will chain: " + e);
                    return 0;
                }
            }
            return ticket;
        }
    }

    /** Waits until a drain that started after {@code ticket} was taken has ended; false if longer than wait. */
    public boolean await(long ticket, Duration wait) throws InterruptedException {
        if (ticket == 0) {
            return false;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (completed < ticket) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }

    private void drainWhileAsked() {
        boolean idle = false;
        try {
            while (!idle) {
                long upTo;
                synchronized (this) {
                    if (completed >= requested) {
                        running = false;
                        idle = true;
                        continue;
                    }
                    upTo = requested;
                }
                try {
                    drain.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Chaining audit events after commit failed (the sequencer's timer"
                            + " retries): " + e.getMessage(), e);
                } finally {
                    synchronized (this) {
                        completed = upTo;
                        notifyAll();
                    }
                }
            }
        } finally {
            if (!idle) {
                synchronized (this) {
                    running = false; // an Error ended the loop: the next commit starts a new one
                }
            }
        }
    }
}
