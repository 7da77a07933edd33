package org.custodian.application.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chains a transaction's audit events right after it commits. {@link DefaultAuditService} registers {@link #hook()}
 * once per transaction that recorded events; after the commit it asks for a drain without waiting (a thread in
 * after-completion still holds the transaction's pooled connection, and the drain needs one), and remembers the
 * ticket for the thread. The API's response filter then calls {@link #awaitOwnEvents()}, so that a response never
 * runs ahead of its own audit trail; batch chunks and timers do not wait.
 *
 * <p>The chaining runs on a thread of its own, in transactions of its own (a thread in after-completion must not
 * start one), grouped across concurrent commits by {@link GroupedDrain}. If it does not finish within
 * {@code custodian.audit.sequence-wait} (default 10 s: the database is stuck), the events stay pending, committed,
 * and the sweeper's timer chains them.
 *
 * <p>Reads are cheaper still: in a request that waits for its events ({@link #beginRequest()}, the API's filter),
 * the events of a read ({@link AuditService#recordRead}) are held in memory with the transaction instead of being
 * written as pending rows, and handed to the drain at the commit, which chains them after the pending rows. The read's
 * own transaction then writes nothing (no commit to flush to disk), and each event is written once instead of three
 * times (pending, chained, deleted). What that costs: a held event exists only in this process until its drain
 * commits, so the request must not answer before then: {@link #awaitOwnEvents()} says whether it may, and the API
 * answers 503 instead of the data when the trail could not take the event.
 */
@ApplicationScoped
public class SequenceAfterCommit {

    private static final Logger LOG = Logger.getLogger(SequenceAfterCommit.class.getName());

    /** The container's factory: threads that carry the application's context, so they may call the sequencer. */
    @Resource
    private ManagedThreadFactory threads;

    /** One thread: a single drain loop runs at a time (grouping does the rest); idle threads end after a minute. */
    private ThreadPoolExecutor executor;

    @EJB
    private AuditSequencer sequencer;

    @Inject
    @ConfigProperty(name = "custodian.audit.sequence-wait", defaultValue = "PT10S")
    Duration wait;

    private GroupedDrain group;

    @PostConstruct
    void start() {
        executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
        executor.allowCoreThreadTimeOut(true);
        group = new GroupedDrain(executor, sequencer::drain);
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /**
     * Marks this thread's request as one that waits for its events before answering ({@link #awaitOwnEvents()} at
     * its end, whose answer it obeys), so that the events of its reads may be held in memory.
     */
    public void beginRequest() {
        OWN.set(new RequestEvents(true));
    }

    /** Whether a read in this thread may hold its events in memory: its request waits for them. */
    boolean holdsReads() {
        RequestEvents own = OWN.get();
        return own != null && own.holdsReads;
    }

    /** The synchronization to register with a transaction that recorded events. */
    Synchronization hook(TransactionEvents recorded) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: the events are already in audit_pending (or held), in this transaction
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    RequestEvents own = OWN.get();
                    if (own == null) {
                        own = new RequestEvents(false);
                        OWN.set(own);
                    }
                    own.add(group.ask(recorded.held()));
                } // rolled back: its pending rows went with it, its held events are dropped
            }
        };
    }

    /** What this thread's committed transactions handed to the drain, until the thread waits for it. */
    private static final ThreadLocal<RequestEvents> OWN = new ThreadLocal<>();

    /**
     * Waits until the events this thread's transactions committed are chained (at most the configured wait); a
     * no-op when they recorded none. For the end of a request. Returns false only if events of reads it held are
     * not in the trail (the drain failed or did not finish in time): the request must then not answer with what it
     * read. Pending rows that were not chained in time stay committed for the sweeper, so they return true.
     */
    public boolean awaitOwnEvents() {
        RequestEvents own = OWN.get();
        if (own == null) {
            return true;
        }
        OWN.remove();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            if (own.ticket != 0 && !group.await(own.ticket, wait)) {
                LOG.warning(() -> "Audit events committed but not chained within " + wait
                        + "; the sweeper's timer will chain them");
            }
            for (CompletableFuture<Void> held : own.held) {
                held.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return own.held.isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warning(() -> "Audit events of a read were not chained within " + wait + " (" + e
                    + "); the request answers without the data");
            return false;
        }
    }

    /** A request's share of the drain: the last ticket of its commits and the held events it waits for. */
    private static final class RequestEvents {

        final boolean holdsReads;
        long ticket;
        final List<CompletableFuture<Void>> held = new ArrayList<>(1);

        RequestEvents(boolean holdsReads) {
            this.holdsReads = holdsReads;
        }

        void add(GroupedDrain.Ticket asked) {
            ticket = Math.max(ticket, asked.number());
            if (asked.held() != null) {
                held.add(asked.held());
            }
        }
    }
}
