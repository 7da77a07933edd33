package org.custodian.application.audit.proof;

import jakarta.annotation.PostConstruct;
import org.custodian.application.shared.TimerWatchdog;
import jakarta.interceptor.Interceptors;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prunes the audit trail every day at {@code custodian.audit.prune.time} (UTC, default 03:15) to the configured raw
 * retention; {@code custodian.audit.prune.enabled=false} turns it off (pruning then happens only on request).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@Interceptors(TimerWatchdog.class)
public class AuditRetentionSchedule {

    private static final Logger LOG = Logger.getLogger(AuditRetentionSchedule.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private AuditRetentionService retention;

    @Inject
    @ConfigProperty(name = "custodian.audit.prune.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "custodian.audit.prune.time", defaultValue = "03:15")
    LocalTime time;

    @PostConstruct
    void schedule() {
        if (!enabled) {
            LOG.info("Scheduled pruning of the audit trail is off (custodian.audit.prune.enabled=false)");
            return;
        }
        timers.createCalendarTimer(new ScheduleExpression().timezone("UTC").hour(time.getHour())
                .minute(time.getMinute()), new TimerConfig("audit-prune", false));
    }

    @Timeout
    void prune() {
        try {
            AuditRetentionService.PruneResult result = retention.pruneScheduled();
            LOG.info(() -> result.eventsRemoved() > 0
                    ? "Pruned the audit trail to " + result.prunedTo() + ": " + result.eventsRemoved()
                            + " events summarized into daily counts"
                    : "Audit trail not pruned: " + result.note());
        } catch (RuntimeException e) {
            // tomorrow's run tries again; a failure must not cancel the timer
            LOG.log(Level.WARNING, "Could not prune the audit trail: " + e.getMessage(), e);
        }
    }
}
