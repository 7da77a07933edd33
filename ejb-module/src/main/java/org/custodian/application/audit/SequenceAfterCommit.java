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
 * Chains a transaction's audit events right after it commits, before the committing thread goes on, so that a
 * response (or a chunk's next step) never runs ahead of its own audit trail. {@link AuditServiceBean} registers
 * {@link #hook()} once per transaction that recorded events.
 *
 * <p>The chaining runs on a thread of its own, in transactions of its own (a thread in after-completion still
 * carries the finished transaction and must not start one), grouped across concurrent commits by
 * {@link GroupedDrain}. If it does not finish within {@code custodian.audit.sequence-wait} (default 10 s: the
 * database is stuck), the events stay pending, committed, and the sequencer's timer chains them.
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
                    awaitChained();
                } // rolled back: its pending rows went with it
            }
        };
    }

    void awaitChained() {
        try {
            if (!group.awaitChained(wait)) {
                LOG.warning(() -> "Audit events committed but not chained within " + wait
                        + "; the sequencer's timer will chain them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
