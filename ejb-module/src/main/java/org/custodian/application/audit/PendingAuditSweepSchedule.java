package org.custodian.application.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.shared.TimerWatchdog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chains audit events left pending: at startup (a crash between an operation's commit and its chaining) and every
 * {@code custodian.audit.sequencer-interval} (default 5 s; zero or negative: only at startup) in case an
 * after-commit chaining failed or timed out. A non-persistent timer: after a restart the schedule starts again.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class PendingAuditSweepSchedule {

    private static final Logger LOG = Logger.getLogger(PendingAuditSweepSchedule.class.getName());

    @Resource
    private TimerService timers;

    /** Interrupts a tick blocked for good (see TimerWatchdog): a failed deployment must not hang its undeploy. */
    @Resource
    private ManagedScheduledExecutorService watchdog;

    private static final Duration WATCHDOG_LIMIT = Duration.ofSeconds(20);

    @EJB
    private AuditSequencer sequencer;

    @Inject
    @ConfigProperty(name = "custodian.audit.sequencer-interval", defaultValue = "PT5S")
    Duration interval;

    /**
     * The first sweep waits {@link #FIRST_SWEEP}: a timer that fires while the application is still deploying
     * calls into beans that may never start (a deployment that then fails), and on WildFly such a call blocked the
     * undeploy until the server was killed.
     */
    static final Duration FIRST_SWEEP = Duration.ofSeconds(5);

    @PostConstruct
    void schedule() {
        TimerConfig config = new TimerConfig("audit-pending-sweep", false);
        long first = Math.max(FIRST_SWEEP.toMillis(), interval.toMillis());
        if (interval.isZero() || interval.isNegative()) {
            timers.createSingleActionTimer(FIRST_SWEEP.toMillis(), config);
        } else {
            timers.createIntervalTimer(first, interval.toMillis(), config);
        }
    }

    /** An undeploy (or a failed deploy) ends the schedule at once rather than waiting for its next tick. */
    @PreDestroy
    void cancel() {
        for (Timer timer : timers.getTimers()) {
            try {
                timer.cancel();
            } catch (RuntimeException e) {
                LOG.fine(() -> "Timer already gone: " + e.getMessage());
            }
        }
    }

    /** No transaction of its own: drain() runs outside one anyway, and a failed tick is then not retried at once. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        TimerWatchdog.run(watchdog, WATCHDOG_LIMIT, () -> {
            try {
                long chained = sequencer.drain();
                if (chained > 0) {
                    LOG.fine(() -> "Chained " + chained + " audit events left pending");
                }
            } catch (RuntimeException e) {
                // the next tick (or the next commit) tries again; a failure must not cancel the timer
                LOG.log(Level.WARNING, "Could not chain pending audit events: " + e.getMessage(), e);
            }
        });
    }
}
