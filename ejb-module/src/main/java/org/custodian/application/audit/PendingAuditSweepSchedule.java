package org.custodian.application.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Duration;
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
@Interceptors(TimerWatchdog.class)
@TimerWatchdog.Limit(seconds = 20)
@DependsOn("DatabaseMigrator")
public class PendingAuditSweepSchedule {

    private static final Logger LOG = Logger.getLogger(PendingAuditSweepSchedule.class.getName());

    @Resource
    private TimerService timers;

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
        TimerWatchdog.cancelAll(timers);
    }

    /** No transaction of its own: drain() runs outside one anyway, and a failed tick is then not retried at once. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        long chained = sequencer.drain();
        if (chained > 0) {
            LOG.fine(() -> "Chained " + chained + " audit events left pending");
        }
    }
}
