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
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Duration;
import java.util.logging.Logger;
import org.custodian.application.shared.TimerWatchdog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs a checkpoint every {@code custodian.audit.checkpoint-interval} (default one minute) when events were
 * appended since the last one. A non-persistent timer: after a restart the schedule simply starts again.
 */
@Singleton
@Startup
@Interceptors(TimerWatchdog.class)
@DependsOn("DatabaseMigrator")
public class CheckpointSchedule {

    private static final Logger LOG = Logger.getLogger(CheckpointSchedule.class.getName());

    @Resource
    private TimerService timers;

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
        AuditProofService.CheckpointView made = proofs.checkpointIfNewActivity();
        if (made != null) {
            LOG.fine(() -> "Signed audit checkpoint at " + made.treeSize() + " events");
        }
    }
}
