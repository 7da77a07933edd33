package org.custodian.application.audit.proof;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.shared.TimerWatchdog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs a checkpoint every {@code custodian.audit.checkpoint-interval} (default one minute) when events were
 * appended since the last one. A non-persistent timer: after a restart the schedule simply starts again.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class CheckpointSchedule {

    private static final Logger LOG = Logger.getLogger(CheckpointSchedule.class.getName());

    @Resource
    private TimerService timers;

    /** Interrupts a tick blocked for good (see TimerWatchdog): a failed deployment must not hang its undeploy. */
    @Resource
    private ManagedScheduledExecutorService watchdog;

    private static final Duration WATCHDOG_LIMIT = Duration.ofMinutes(1);

    @EJB
    private AuditProofService proofs;

    @Inject
    @ConfigProperty(name = "custodian.audit.checkpoint-interval", defaultValue = "PT1M")
    Duration interval;

    @PostConstruct
    void schedule() {
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("Scheduled audit checkpoints are off (custodian.audit.checkpoint-interval=" + interval + ")");
            return;
        }
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("audit-checkpoint", false));
    }

    @Timeout
    void checkpoint() {
        TimerWatchdog.run(watchdog, WATCHDOG_LIMIT, () -> {
            try {
                AuditProofService.CheckpointView made = proofs.checkpointIfNewActivity();
                if (made != null) {
                    LOG.fine(() -> "Signed audit checkpoint at " + made.treeSize() + " events");
                }
            } catch (RuntimeException e) {
                // the next tick tries again; a failure here must not cancel the timer
                LOG.log(Level.WARNING, "Could not sign an audit checkpoint: " + e.getMessage(), e);
            }
        });
    }
}
