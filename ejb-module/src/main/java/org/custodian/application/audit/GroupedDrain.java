package org.custodian.application.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.domain.model.audit.PendingAuditRecord;

/**
 * Chaining after commit, grouped: at most one drain runs at a time in this process, and each covers every commit
 * that asked before it started. Under load one drain (one short transaction under the head lock, one commit to
 * disk) chains the events of every request that committed meanwhile, instead of one per request.
 *
 * <p>A committing thread takes a ticket after its commit and waits until a drain that started after the ticket has
 * ended: that drain saw its committed rows. A failed drain releases its waiters too (their events stay pending,
 * committed, for the sequencer's timer); an operation that already committed is not failed after the fact.
 *
 * <p>A commit may also hand over <em>held</em> events: those of reads, kept in memory instead of being written as
 * pending rows (see {@link SequenceAfterCommit}). The next drain chains them after the pending rows, and the
 * {@link Ticket} tells whether that worked: if not they are nowhere, and the read must not be answered.
 */
public final class GroupedDrain {

    /** Chains the committed pending rows, then {@code held}, in that order; throws if it could not. */
    @FunctionalInterface
    public interface Drain {
        void chain(List<PendingAuditRecord> held);
    }

    /**
     * What a commit gets back: its number in the order of asks, and, when it handed over held events, whether
     * they are in the trail (null when it held none).
     */
    public record Ticket(long number, CompletableFuture<Void> held) {

        static final Ticket NONE = new Ticket(0, null);
    }

    private static final Logger LOG = Logger.getLogger(GroupedDrain.class.getName());

    private final Executor executor;
    private final Drain drain;

    private long requested;
    private long completed;
    private boolean running;
    private List<PendingAuditRecord> held = new ArrayList<>();
    private List<CompletableFuture<Void>> holders = new ArrayList<>();

    public GroupedDrain(Executor executor, Drain drain) {
        this.executor = executor;
        this.drain = drain;
    }

    /** Waits until the events committed before this call are chained; false if that took longer than wait. */
    public boolean awaitChained(Duration wait) throws InterruptedException {
        return await(ask(List.of()).number(), wait);
    }

    /**
     * Asks for the events committed before this call, and {@code heldEvents}, to be chained, without waiting;
     * returns the ticket to {@link #await} (number 0 if no drain could be started: the sweeper's timer will chain
     * the pending rows, and held events fail at once).
     */
    public Ticket ask(List<PendingAuditRecord> heldEvents) {
        CompletableFuture<Void> chained = heldEvents.isEmpty() ? null : new CompletableFuture<>();
        synchronized (this) {
            long ticket = ++requested;
            if (chained != null) {
                held.addAll(heldEvents);
                holders.add(chained);
            }
            if (!running) {
                running = true;
                try {
                    executor.execute(this::drainWhileAsked);
                } catch (RejectedExecutionException e) {
                    running = false;
                    LOG.warning(() -> "The audit sequencer's executor refused a drain; the timer will chain: " + e);
                    failHeld(e);
                    return chained == null ? Ticket.NONE : new Ticket(0, chained);
                }
            }
            return new Ticket(ticket, chained);
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

    private void failHeld(Throwable cause) {
        holders.forEach(holder -> holder.completeExceptionally(cause));
        held = new ArrayList<>();
        holders = new ArrayList<>();
    }

    private void drainWhileAsked() {
        boolean idle = false;
        try {
            while (!idle) {
                long upTo;
                List<PendingAuditRecord> events;
                List<CompletableFuture<Void>> waiting;
                synchronized (this) {
                    if (completed >= requested) {
                        running = false;
                        idle = true;
                        continue;
                    }
                    upTo = requested;
                    events = held;
                    waiting = holders;
                    held = new ArrayList<>();
                    holders = new ArrayList<>();
                }
                try {
                    drain.chain(events);
                    waiting.forEach(holder -> holder.complete(null));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Chaining audit events after commit failed (the sequencer's timer"
                            + " retries pending ones; " + events.size() + " held events of reads are not in the"
                            + " trail and their requests fail): " + e.getMessage(), e);
                    waiting.forEach(holder -> holder.completeExceptionally(e));
                } catch (Error e) {
                    waiting.forEach(holder -> holder.completeExceptionally(e));
                    throw e;
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
                    failHeld(new IllegalStateException("the audit drain ended abnormally"));
                }
            }
        }
    }
}
