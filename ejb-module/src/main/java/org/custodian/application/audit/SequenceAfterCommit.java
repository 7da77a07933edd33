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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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

    /** The synchronization to register with a transaction that recorded events. */
    Synchronization hook() {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: the events are already in audit_pending, in this transaction
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    OWN_TICKET.set(group.ask());
                } // rolled back: its pending rows went with it
            }
        };
    }

    /** The ticket of this thread's last commit that recorded events, until the thread waits for it. */
    private static final ThreadLocal<Long> OWN_TICKET = new ThreadLocal<>();

    /**
     * Waits until the events this thread's transactions committed are chained (at most the configured wait); a
     * no-op when they recorded none. For the end of a request.
     */
    public void awaitOwnEvents() {
        Long ticket = OWN_TICKET.get();
        if (ticket == null) {
            return;
        }
        OWN_TICKET.remove();
        try {
            if (!group.await(ticket, wait)) {
                LOG.warning(() -> "Audit events committed but not chained within " + wait
                        + "; the sweeper's timer will chain them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
