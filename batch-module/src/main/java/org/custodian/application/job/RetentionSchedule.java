package org.custodian.application.job;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
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
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts retention-purge every {@code custodian.retention.interval} (default daily; PT0S: never), unless one is
 * still running. Lives in the batch module so the job XML is visible to the thread that starts it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private AuditService audit;

    @Inject
    @ConfigProperty(name = "custodian.retention.interval", defaultValue = "P1D")
    Duration interval;

    @PostConstruct
    void schedule() {
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("Scheduled retention purges are off (custodian.retention.interval=" + interval + ")");
            return;
        }
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("retention-purge", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        try {
            JobOperator operator = BatchRuntime.getJobOperator();
            long executionId;
            synchronized (DefaultJobService.class) {
                DefaultJobService.refuseIfRunning(operator, "retention-purge");
                executionId = operator.start("retention-purge", new Properties());
            }
            audit.record(Caller.system("retention-schedule", null), AuditActions.JOB_START, AuditActions.JOB,
                    "retention-purge/" + executionId, List.of("scheduled"), AuditOutcome.SUCCESS);
        } catch (ConflictException e) {
            LOG.info("Scheduled retention purge skipped: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled retention purge could not start: " + e.getMessage(), e);
        }
    }
}
