package org.custodian.application.job;

import jakarta.annotation.PostConstruct;
import org.custodian.application.shared.TimerWatchdog;
import jakarta.interceptor.Interceptors;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
 * still running. The next run is counted from the last start recorded in the job repository, not from when this
 * server booted: a server restarted more often than the interval still purges on time. Lives in the batch module
 * so the job XML is visible to the thread that starts it.
 */
// LocalBean: implementing Standby would otherwise make it the bean's only view, and @EJB of the class fails
@LocalBean
@Singleton
@Startup
// the migrator is in another module of the EAR: this module's gate to the migrated schema is the recovery bean
@DependsOn("OrphanedExecutionRecovery")
@Interceptors(TimerWatchdog.class)
public class RetentionSchedule implements TimerWatchdog.Standby {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    /** Give the server a moment after startup before an overdue purge starts. */
    static final Duration STARTUP_GRACE = Duration.ofMinutes(1);

    @Resource
    private TimerService timers;

    @EJB
    private AuditService audit;

    @Inject
    @ConfigProperty(name = "custodian.retention.partitions", defaultValue = "2")
    int partitions;

    @Inject
    @ConfigProperty(name = "custodian.retention.interval", defaultValue = "P1D")
    Duration interval;

    @PostConstruct
    void schedule() {
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("Scheduled retention purges are off (custodian.retention.interval=" + interval + ")");
            return;
        }
        Instant now = Instant.now();
        Instant next = nextRun(lastStart(), interval, now);
        LOG.info("Next scheduled retention purge at " + next);
        arm(Duration.between(now, next));
    }

    /** The last start plus the interval, but never earlier than a short grace after now. */
    static Instant nextRun(Instant lastStart, Duration interval, Instant now) {
        Instant earliest = now.plus(STARTUP_GRACE);
        if (lastStart == null) {
            return now.plus(interval).isBefore(earliest) ? earliest : now.plus(interval);
        }
        Instant due = lastStart.plus(interval);
        return due.isBefore(earliest) ? earliest : due;
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        Instant now = Instant.now();
        Instant last = lastStart();
        if (last != null && last.plus(interval).isAfter(now.plus(STARTUP_GRACE))) {
            // taken over from a node that died (#26): its last start still counts
            arm(Duration.between(now, last.plus(interval)));
            return;
        }
        try {
            long executionId = JobLauncher.start(BatchRuntime.getJobOperator(), BatchJob.RETENTION_PURGE,
                    DefaultJobService.purgeParameters(new Properties(), partitions));
            audit.record(Caller.system("retention-schedule", null), AuditActions.JOB_START, AuditActions.JOB,
                    BatchJob.RETENTION_PURGE.jobName() + "/" + executionId, List.of("scheduled"), AuditOutcome.SUCCESS);
        } catch (ConflictException e) {
            LOG.info("Scheduled retention purge skipped: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled retention purge could not start: " + e.getMessage(), e);
        } finally {
            arm(interval);
        }
    }

    /** Another node runs the schedule (#26): look again a lease later, and purge then if that node has gone. */
    @Override
    public void standby(Duration retryIn) {
        arm(retryIn);
    }

    private void arm(Duration delay) {
        timers.createSingleActionTimer(Math.max(1, delay.toMillis()), new TimerConfig(BatchJob.RETENTION_PURGE.jobName(), false));
    }

    /** When retention-purge last started (by anyone), from the job repository; null if it never ran. */
    private static Instant lastStart() {
        try {
            JobOperator operator = BatchRuntime.getJobOperator();
            List<JobInstance> latest = operator.getJobInstances(BatchJob.RETENTION_PURGE.jobName(), 0, 1);
            Instant last = null;
            for (JobInstance instance : latest) {
                for (JobExecution execution : operator.getJobExecutions(instance)) {
                    Date created = execution.getCreateTime();
                    if (created != null && (last == null || created.toInstant().isAfter(last))) {
                        last = created.toInstant();
                    }
                }
            }
            return last;
        } catch (NoSuchJobException e) {
            return null;
        } catch (RuntimeException e) {
            // e.g. a new database: the runtime creates its tables on the first job
            LOG.info("Could not read when retention-purge last ran (" + e.getMessage() + "); counting from now");
            return null;
        }
    }
}
