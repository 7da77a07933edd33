package org.custodian.application.job;

import jakarta.annotation.PostConstruct;
import org.custodian.application.shared.TimerWatchdog;
import jakarta.interceptor.Interceptors;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.backup.BackupConfiguration;
import org.custodian.application.backup.BackupIncidents;
import org.custodian.application.backup.BackupLedger;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.backup.BackupSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes the scheduled backups (EJB calendar timer, UTC): every day at {@code custodian.backup.schedule.time}, a
 * FULL set on {@code custodian.backup.schedule.full-day} and an INCREMENTAL one on the other days, to the default
 * target. Every hour it checks the SLA: no COMPLETE set for longer than {@code custodian.backup.sla} (default 26 h)
 * opens one incident, and no second one until a backup succeeds again.
 */
@Singleton
@Startup
// the migrator is in another module of the EAR: this module's gate to the migrated schema is the recovery bean
@DependsOn("OrphanedExecutionRecovery")
@Interceptors(TimerWatchdog.class)
public class BackupSchedule {

    private static final Logger LOG = Logger.getLogger(BackupSchedule.class.getName());
    private static final String ACTOR = "backup-schedule";
    private static final String BACKUP_TIMER = "backup";
    private static final String SLA_TIMER = "backup-sla";
    private static final String INTEGRITY_TIMER = BatchJob.INTEGRITY_VERIFY.jobName();

    @Resource
    private TimerService timers;

    @EJB
    private AuditService audit;

    @EJB
    private BackupLedger ledger;

    @EJB
    private BackupIncidents incidents;

    @Inject
    private BackupConfiguration configuration;

    @Inject
    @ConfigProperty(name = "custodian.backup.schedule.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "custodian.backup.schedule.time", defaultValue = "02:30")
    String time;

    @Inject
    @ConfigProperty(name = "custodian.backup.schedule.full-day", defaultValue = "SUNDAY")
    String fullDay;

    /** When the daily integrity-verify runs (UTC); it includes a restore drill once per drill interval. */
    @Inject
    @ConfigProperty(name = "custodian.backup.verify-time", defaultValue = "04:30")
    String verifyTime;

    @Inject
    @ConfigProperty(name = "custodian.backup.drill-interval", defaultValue = "P90D")
    Duration drillInterval;

    private final Instant started = Instant.now();

    @PostConstruct
    void schedule() {
        if (!enabled) {
            LOG.info("Scheduled backups are off (custodian.backup.schedule.enabled=false)");
            return;
        }
        LocalTime at = LocalTime.parse(time.trim());
        timers.createCalendarTimer(new ScheduleExpression().hour(at.getHour()).minute(at.getMinute()).second(0)
                .timezone("UTC"), new TimerConfig(BACKUP_TIMER, false));
        timers.createIntervalTimer(Duration.ofMinutes(5).toMillis(), Duration.ofHours(1).toMillis(),
                new TimerConfig(SLA_TIMER, false));
        LocalTime verifyAt = LocalTime.parse(verifyTime.trim());
        timers.createCalendarTimer(new ScheduleExpression().hour(verifyAt.getHour()).minute(verifyAt.getMinute())
                .second(0).timezone("UTC"), new TimerConfig(INTEGRITY_TIMER, false));
        LOG.info("Scheduled backups daily at " + at + " UTC (full on " + fullDay() + "), SLA " + configuration.sla());
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire(Timer timer) {
        if (SLA_TIMER.equals(timer.getInfo())) {
            checkSla(Instant.now());
        } else if (INTEGRITY_TIMER.equals(timer.getInfo())) {
            verify(Instant.now());
        } else {
            backup(Instant.now());
        }
    }

    private void backup(Instant now) {
        String type = now.atZone(ZoneOffset.UTC).getDayOfWeek() == fullDay() ? "FULL" : "INCREMENTAL";
        Properties parameters = new Properties();
        parameters.setProperty("type", type);
        parameters.setProperty("target", configuration.target(null).name());
        parameters.setProperty("reason", "scheduled " + type.toLowerCase(Locale.ROOT) + " backup");
        parameters.setProperty("scheduled", "true");
        start(BatchJob.BACKUP_EXPORT, parameters, "type=" + type, BackupIncidents.EXPORT_FAILED);
    }

    /** Starts a job unless one is running (then skips); a job that cannot start opens an incident. */
    private void start(BatchJob job, Properties parameters, String detail, String incidentRule) {
        String jobName = job.jobName();
        parameters.setProperty("requestedBy", ACTOR);
        try {
            long executionId = JobLauncher.start(BatchRuntime.getJobOperator(), job, parameters);
            audit.record(Caller.system(ACTOR, null), AuditActions.JOB_START, AuditActions.JOB,
                    jobName + "/" + executionId, List.of("scheduled", detail), AuditOutcome.SUCCESS);
        } catch (ConflictException e) {
            LOG.info("Scheduled " + jobName + " skipped: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled " + jobName + " could not start: " + e.getMessage(), e);
            incidents.open(incidentRule, ACTOR, "Scheduled " + jobName + " could not start",
                    "The scheduled " + jobName + " (" + detail + ") could not start: " + e.getMessage());
        }
    }

    /** The daily integrity check, with a restore drill when the last one is older than the drill interval. */
    private void verify(Instant now) {
        boolean drill = ledger.lastDrillAt().map(last -> Duration.between(last, now).compareTo(drillInterval) >= 0)
                .orElse(true);
        Properties parameters = new Properties();
        parameters.setProperty("drill", String.valueOf(drill));
        parameters.setProperty("reason", drill ? "scheduled restore drill" : "scheduled integrity check");
        start(BatchJob.INTEGRITY_VERIFY, parameters, "drill=" + drill, BackupIncidents.VERIFY_FAILED);
    }

    /** One incident per missed stretch: none again until a newer set completes. */
    void checkSla(Instant now) {
        try {
            Optional<BackupSet> newest = ledger.newestComplete(configuration.target(null).name());
            Instant lastSuccess = newest.map(BackupSet::getCompletedAt).orElse(started);
            if (Duration.between(lastSuccess, now).compareTo(configuration.sla()) <= 0) {
                return;
            }
            if (ledger.incidentOpenSince(BackupIncidents.SLA_MISSED, lastSuccess)) {
                return;
            }
            incidents.open(BackupIncidents.SLA_MISSED, ACTOR, "No successful backup for more than "
                    + configuration.sla().toHours() + " h", "No backup set has completed on the default target"
                    + " since " + lastSuccess + " (SLA " + configuration.sla() + "). Check the backup-export"
                    + " executions and the target's free space.");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Backup SLA check failed: " + e.getMessage(), e);
        }
    }

    private DayOfWeek fullDay() {
        return DayOfWeek.valueOf(fullDay.trim().toUpperCase(Locale.ROOT));
    }
}
