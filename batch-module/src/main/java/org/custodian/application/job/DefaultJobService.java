package org.custodian.application.job;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.privacy.SubjectPackageService;
import org.custodian.application.privacy.SubjectPackageService.Prepared;
import org.custodian.application.backup.BackupConfiguration;
import org.custodian.application.backup.BackupLedger;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.backup.BackupSet;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lives in the batch module so that, in an EAR, the job XMLs in this jar are visible to the
 * thread that starts them. Runs outside a container transaction: the job repository commits on
 * its own, and policy and audit each commit their event in a transaction of their own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultJobService implements JobService {

    public static final String BACKUP_EXPORT = "backup-export";
    public static final String BACKUP_RESTORE = "backup-restore";
    public static final String INTEGRITY_VERIFY = "integrity-verify";
    public static final String TRANSCRIPT_REMOVAL = "transcript-removal";
    public static final String SUBJECT_PACKAGE = "subject-package";

    /** Jobs that can be launched through the API, with the parameters each accepts. */
    static final Map<String, List<String>> LAUNCHABLE = Map.of("audit-verify", List.of("itemCount"),
            "retention-purge", List.of("itemCount", "asOf", "dryRun"),
            BACKUP_EXPORT, List.of("type", "target", "reason"),
            BACKUP_RESTORE, List.of("setId", "pointInTime", "target", "reason", "mode", "confirm"),
            INTEGRITY_VERIFY, List.of("drill", "reason"),
            TRANSCRIPT_REMOVAL, List.of("customerId", "itemCount"));

    /** The most executions one listing returns. */
    static final int MAX_RECENT = 200;

    /** Jobs of which at most one execution may run at a time (a second start is a 409). */
    static final Set<String> SINGLE_INSTANCE = Set.of("retention-purge", "audit-verify", BACKUP_EXPORT,
            BACKUP_RESTORE, INTEGRITY_VERIFY);

    /** Jobs that read or remove backup sets: at most one of them runs at a time. */
    static final List<String> BACKUP_JOBS = List.of(BACKUP_EXPORT, BACKUP_RESTORE, INTEGRITY_VERIFY);

    /** Jobs that need a permission beyond JOB_RUN to start, restart or stop. */
    static final Map<String, Permission> EXTRA_PERMISSION = Map.of("retention-purge", Permission.RETENTION_RUN,
            BACKUP_EXPORT, Permission.BACKUP_RUN, BACKUP_RESTORE, Permission.BACKUP_RUN);

    /** Check-then-start must not interleave within this server. */
    private static final Object STARTING = DefaultJobService.class;

    @Inject
    @ConfigProperty(name = "custodian.retention.partitions", defaultValue = "2")
    int retentionPartitions;

    @EJB
    private PolicyService policy;

    @EJB
    private BackupLedger catalog;

    @Inject
    private BackupConfiguration backups;

    @EJB
    private AuditService audit;

    @EJB
    private SubjectPackageService packages;

    @Override
    public Prepared startSubjectPackage(Caller caller, long requestId) {
        // registered (and the request checked) in a transaction of its own, so the job finds the row
        Prepared prepared = packages.prepare(caller, requestId);
        Properties parameters = new Properties();
        parameters.setProperty("packageId", String.valueOf(prepared.view().id()));
        long executionId;
        try {
            executionId = BatchRuntime.getJobOperator().start(SUBJECT_PACKAGE, parameters);
        } catch (RuntimeException e) {
            packages.markFailed(prepared.view().id(), "the subject-package job could not start: " + e.getMessage());
            throw e;
        }
        packages.startedAs(prepared.view().id(), executionId);
        audit.record(caller, AuditActions.JOB_START, AuditActions.JOB, SUBJECT_PACKAGE + "/" + executionId,
                List.of("packageId", "request=" + requestId), AuditOutcome.SUCCESS);
        SubjectPackageService.PackageView view = prepared.view();
        return new Prepared(new SubjectPackageService.PackageView(view.id(), view.requestId(), view.status(),
                executionId, view.createdAt(), view.expiresAt(), view.readyAt(), view.sizeBytes(),
                view.contentSha256(), view.downloads(), view.failure()), prepared.downloadPath());
    }

    @Override
    public JobExecutionView start(Caller caller, String jobName, Map<String, String> parameters) {
        policy.enforce(caller, Permission.JOB_RUN, AuditActions.JOB, jobName);
        if (!LAUNCHABLE.containsKey(jobName)) {
            String shown = jobName.length() > 64 ? jobName.substring(0, 64) + "..." : jobName;
            throw new ResourceNotFoundException("job", shown + " (launchable jobs: " + LAUNCHABLE.keySet() + ")");
        }
        enforceExtra(caller, jobName, jobName);
        List<String> accepted = LAUNCHABLE.get(jobName);
        RuleCheck check = new RuleCheck();
        Properties jobParameters = new Properties();
        parameters.forEach((name, value) -> {
            check.require(accepted.contains(name), name, "is not a parameter of " + jobName + "; accepted: " + accepted);
            jobParameters.setProperty(name, value);
        });
        if (parameters.containsKey("itemCount")) {
            String value = parameters.get("itemCount");
            check.require(value != null && value.matches("[0-9]{1,5}") && Integer.parseInt(value) >= 1
                    && Integer.parseInt(value) <= 10_000, "itemCount", "must be a whole number from 1 to 10000");
        }
        if (parameters.containsKey("asOf")) {
            try {
                // A purge "as of" a future day would destroy data before its retention period ends.
                check.require(!Instant.parse(parameters.get("asOf").trim()).isAfter(Instant.now()), "asOf",
                        "must not be in the future; leave it out to purge as of now");
            } catch (java.time.format.DateTimeParseException e) {
                check.require(false, "asOf", "must be an ISO-8601 UTC time such as 2026-11-01T00:00:00Z");
            }
        }
        if (parameters.containsKey("customerId")) {
            check.require(parameters.get("customerId") != null && parameters.get("customerId").matches("[0-9]{1,18}"),
                    "customerId", "must be a customer id (a whole number); leave it out for all customers");
        }
        if (parameters.containsKey("dryRun")) {
            check.require(parameters.get("dryRun").matches("true|false"), "dryRun", "must be true or false");
        }
        if (BACKUP_EXPORT.equals(jobName)) {
            checkBackup(parameters, check);
        }
        if (INTEGRITY_VERIFY.equals(jobName) && parameters.containsKey("drill")) {
            check.require(parameters.get("drill").matches("true|false"), "drill", "must be true or false");
            enforceDrill(caller, jobName, jobParameters, jobName);
        }
        Long restoreSet = BACKUP_RESTORE.equals(jobName) ? restoreSet(parameters, check) : null;
        check.throwIfAny();
        if ("retention-purge".equals(jobName)) {
            purgeParameters(jobParameters, retentionPartitions);
        }
        if (BACKUP_EXPORT.equals(jobName)) {
            // who asked is the caller, never a parameter the caller chooses
            jobParameters.setProperty("requestedBy", caller.username());
            jobParameters.setProperty("type", parameters.get("type").trim().toUpperCase(Locale.ROOT));
            jobParameters.setProperty("target", backups.target(parameters.get("target")).name());
        }
        if (BACKUP_RESTORE.equals(jobName)) {
            // fixed at the start, so that a restart restores the same chain
            jobParameters.remove("pointInTime");
            jobParameters.remove("target");
            jobParameters.remove("mode");
            jobParameters.remove("confirm");
            jobParameters.setProperty("setId", String.valueOf(restoreSet));
            jobParameters.setProperty("kind", "LIVE".equals(parameters.get("mode")) ? "LIVE" : "RESTORE");
            jobParameters.setProperty("requestedBy", caller.username());
        }
        if (INTEGRITY_VERIFY.equals(jobName)) {
            jobParameters.setProperty("requestedBy", caller.username());
        }
        JobOperator operator = BatchRuntime.getJobOperator();
        long executionId;
        synchronized (STARTING) {
            refuseIfRunning(operator, jobName);
            executionId = operator.start(jobName, jobParameters);
        }
        audit.record(caller, AuditActions.JOB_START, AuditActions.JOB, jobName + "/" + executionId,
                new ArrayList<>(parameters.keySet()), AuditOutcome.SUCCESS);
        return view(operator, executionId);
    }

    /** A backup needs a type and a reason; an incremental needs a complete set to build on in its target. */
    private void checkBackup(Map<String, String> parameters, RuleCheck check) {
        String type = parameters.get("type");
        boolean known = type != null && type.trim().toUpperCase(Locale.ROOT).matches("FULL|INCREMENTAL");
        check.require(known, "type", "must be FULL or INCREMENTAL");
        check.requireText(parameters.get("reason"), "reason", 3, 1000);
        String targetName;
        try {
            targetName = backups.target(parameters.get("target")).name();
        } catch (DomainRuleViolationException e) {
            check.require(false, "target", e.getViolations().get(0).message());
            return;
        }
        if (known && "INCREMENTAL".equals(type.trim().toUpperCase(Locale.ROOT))) {
            Optional<BackupSet> base = catalog.newestComplete(targetName);
            check.require(base.isPresent(), "type", "INCREMENTAL needs a complete set on target " + targetName
                    + " to build on; take a FULL backup first");
            base.flatMap(found -> catalog.incrementalRefusal(found)).ifPresent(why -> check.require(false, "type",
                    "INCREMENTAL cannot build on " + base.get().getName() + ": " + why + "; take a FULL backup"));
        }
    }

    /**
     * The set a restore ends at: setId, or the newest COMPLETE set taken at or before pointInTime on the target
     * (point-in-time restore). Null, with the violation recorded, when neither names one.
     */
    private Long restoreSet(Map<String, String> parameters, RuleCheck check) {
        check.requireText(parameters.get("reason"), "reason", 3, 1000);
        String setId = parameters.get("setId");
        String pointInTime = parameters.get("pointInTime");
        if ((setId == null) == (pointInTime == null)) {
            check.require(false, "setId", "give either setId (restore up to that set) or pointInTime (the newest"
                    + " set taken at or before it), not both and not neither");
            return null;
        }
        String mode = parameters.get("mode");
        check.require(mode == null || mode.matches("ISOLATED|LIVE"), "mode", "must be ISOLATED (the default: into"
                + " the restore schema) or LIVE (over Custodian's own data, with confirm set to the set's name)");
        if (setId != null) {
            if (!setId.matches("[0-9]{1,18}")) {
                check.require(false, "setId", "must be the id of a backup set");
                return null;
            }
            // 404 for an unknown set, 409 for one that is not COMPLETE or builds on one that is not
            List<BackupSet> chain = catalog.chainEndingAt(Long.parseLong(setId));
            return confirmed(chain.get(chain.size() - 1), parameters, check);
        }
        Instant at;
        try {
            at = Instant.parse(pointInTime.trim());
        } catch (java.time.format.DateTimeParseException e) {
            check.require(false, "pointInTime", "must be an ISO-8601 UTC time such as 2026-11-01T00:00:00Z");
            return null;
        }
        String target;
        try {
            target = backups.target(parameters.get("target")).name();
        } catch (DomainRuleViolationException e) {
            check.require(false, "target", e.getViolations().get(0).message());
            return null;
        }
        Optional<BackupSet> set = catalog.newestCompleteAtOrBefore(target, at);
        check.require(set.isPresent(), "pointInTime", "no COMPLETE backup set on target " + target
                + " was taken at or before " + at);
        return set.map(found -> confirmed(found, parameters, check)).orElse(null);
    }

    /** A restore over live data must name the set it replaces everything with: a typed confirmation. */
    private static Long confirmed(BackupSet set, Map<String, String> parameters, RuleCheck check) {
        if ("LIVE".equals(parameters.get("mode"))) {
            check.require(set.getName().equals(parameters.get("confirm")), "confirm", "a restore over live data"
                    + " replaces Custodian's data (not its audit trail) with set " + set.getName() + " as of "
                    + set.getSnapshotAt() + "; to go ahead, set confirm to exactly that name");
        } else {
            check.require(parameters.get("confirm") == null, "confirm", "is only for mode LIVE");
        }
        return set.getId();
    }

    /**
     * Fixes what every partition and every restart of a purge must agree on, at the start: the instant it
     * purges as of (now, unless given) and the number of partitions.
     */
    static Properties purgeParameters(Properties parameters, int partitions) {
        if (parameters.getProperty("asOf") == null || parameters.getProperty("asOf").isBlank()) {
            parameters.setProperty("asOf", Instant.now().toString());
        }
        // bounded (1 to 8) in one place, where it is used: RetentionPartitionMapper
        parameters.setProperty("partitions", String.valueOf(partitions));
        return parameters;
    }

    @Override
    public JobExecutionView execution(Caller caller, long executionId) {
        policy.enforce(caller, Permission.JOB_READ, AuditActions.JOB, String.valueOf(executionId));
        JobOperator operator = BatchRuntime.getJobOperator();
        JobExecutionView view;
        try {
            view = view(operator, executionId);
        } catch (NoSuchJobExecutionException e) {
            throw new ResourceNotFoundException("job execution", executionId);
        }
        audit.record(caller, AuditActions.JOB_READ, AuditActions.JOB, view.jobName() + "/" + executionId, null,
                AuditOutcome.SUCCESS);
        return view;
    }

    @Override
    public SortedMap<String, List<String>> launchable(Caller caller) {
        policy.enforce(caller, Permission.JOB_READ, AuditActions.JOB, "launchable");
        return new TreeMap<>(LAUNCHABLE);
    }

    @Override
    public List<JobExecutionView> recentExecutions(Caller caller, int limit) {
        policy.enforce(caller, Permission.JOB_READ, AuditActions.JOB, "executions");
        List<JobExecutionView> views = executions(limit);
        audit.record(caller, AuditActions.JOB_READ, AuditActions.JOB, "executions", List.of("count=" + views.size()),
                AuditOutcome.SUCCESS);
        return views;
    }

    @Override
    public List<JobExecutionView> refreshExecutions(Caller caller, int limit) {
        policy.enforce(caller, Permission.JOB_READ, AuditActions.JOB, "executions");
        return executions(limit);
    }

    private static List<JobExecutionView> executions(int limit) {
        int wanted = Math.max(1, Math.min(limit, MAX_RECENT));
        JobOperator operator = BatchRuntime.getJobOperator();
        List<Long> ids = new ArrayList<>();
        Set<String> names = new TreeSet<>(LAUNCHABLE.keySet());
        names.add(SUBJECT_PACKAGE);
        for (String name : names) {
            try {
                // instances come newest first; each has one execution per start or restart
                for (JobInstance instance : operator.getJobInstances(name, 0, wanted)) {
                    operator.getJobExecutions(instance).forEach(execution -> ids.add(execution.getExecutionId()));
                }
            } catch (NoSuchJobException e) {
                // never started on this database: nothing to list
            }
        }
        ids.sort(Comparator.reverseOrder());
        List<JobExecutionView> views = new ArrayList<>();
        for (Long id : ids.subList(0, Math.min(wanted, ids.size()))) {
            views.add(view(operator, id));
        }
        return views;
    }

    @Override
    public JobExecutionView restart(Caller caller, long executionId) {
        policy.enforce(caller, Permission.JOB_RUN, AuditActions.JOB, String.valueOf(executionId));
        JobOperator operator = BatchRuntime.getJobOperator();
        long restarted;
        try {
            String jobName = operator.getJobExecution(executionId).getJobName();
            enforceExtra(caller, jobName, String.valueOf(executionId));
            enforceDrill(caller, jobName, operator.getParameters(executionId), String.valueOf(executionId));
            synchronized (STARTING) {
                refuseIfRunning(operator, jobName);
                restarted = operator.restart(executionId, operator.getParameters(executionId));
            }
        } catch (NoSuchJobExecutionException e) {
            throw new ResourceNotFoundException("job execution", executionId);
        } catch (jakarta.batch.operations.JobExecutionAlreadyCompleteException
                | jakarta.batch.operations.JobExecutionNotMostRecentException
                | jakarta.batch.operations.JobRestartException e) {
            throw new ConflictException("execution " + executionId + " cannot be restarted: only the most recent"
                    + " execution of a failed or stopped job can (" + e.getClass().getSimpleName() + ")");
        }
        audit.record(caller, AuditActions.JOB_START, AuditActions.JOB, "restart/" + executionId + "/" + restarted,
                null, AuditOutcome.SUCCESS);
        return view(operator, restarted);
    }

    @Override
    public JobExecutionView stop(Caller caller, long executionId) {
        policy.enforce(caller, Permission.JOB_RUN, AuditActions.JOB, String.valueOf(executionId));
        JobOperator operator = BatchRuntime.getJobOperator();
        try {
            String jobName = operator.getJobExecution(executionId).getJobName();
            enforceExtra(caller, jobName, String.valueOf(executionId));
            enforceDrill(caller, jobName, operator.getParameters(executionId), String.valueOf(executionId));
            operator.stop(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw new ResourceNotFoundException("job execution", executionId);
        } catch (jakarta.batch.operations.JobExecutionNotRunningException e) {
            throw new ConflictException("execution " + executionId + " is not running");
        }
        audit.record(caller, AuditActions.JOB_STOP, AuditActions.JOB, String.valueOf(executionId), null,
                AuditOutcome.SUCCESS);
        return view(operator, executionId);
    }

    private void enforceExtra(Caller caller, String jobName, String resourceId) {
        Permission extra = EXTRA_PERMISSION.get(jobName);
        if (extra != null) {
            policy.enforce(caller, extra, AuditActions.JOB, resourceId);
        }
    }

    /** A drill restores backups: an operator's work, also when an execution of it is restarted or stopped. */
    private void enforceDrill(Caller caller, String jobName, Properties parameters, String resourceId) {
        if (INTEGRITY_VERIFY.equals(jobName) && parameters != null && "true".equals(parameters.getProperty("drill"))) {
            policy.enforce(caller, Permission.BACKUP_RUN, AuditActions.JOB, resourceId);
        }
    }

    /**
     * One execution at a time for jobs that change data: a second start names the running one. The backup jobs
     * exclude each other too: an export's expiry step must not delete a set a restore or a check is reading.
     */
    static void refuseIfRunning(JobOperator operator, String jobName) {
        if (!SINGLE_INSTANCE.contains(jobName)) {
            return;
        }
        for (String other : BACKUP_JOBS.contains(jobName) ? BACKUP_JOBS : List.of(jobName)) {
            List<Long> running;
            try {
                running = operator.getRunningExecutions(other);
            } catch (jakarta.batch.operations.NoSuchJobException e) {
                continue;
            }
            if (!running.isEmpty()) {
                throw new ConflictException(other + " is running as execution " + running.get(0) + (other.equals(
                        jobName) ? "" : ", and " + jobName + " does not run beside it") + "; wait for it to end or"
                        + " stop it (POST /api/v1/jobs/executions/" + running.get(0) + "/stop)");
            }
        }
    }

    private static JobExecutionView view(JobOperator operator, long executionId) {
        JobExecution execution = operator.getJobExecution(executionId);
        List<JobExecutionView.StepView> steps = new ArrayList<>();
        for (StepExecution step : operator.getStepExecutions(executionId)) {
            Map<String, Long> metrics = new TreeMap<>();
            if (step.getMetrics() != null) {
                for (Metric metric : step.getMetrics()) {
                    metrics.put(metric.getType().name(), metric.getValue());
                }
            }
            steps.add(new JobExecutionView.StepView(step.getStepName(), String.valueOf(step.getBatchStatus()),
                    step.getExitStatus(), instant(step.getStartTime()), instant(step.getEndTime()), metrics));
        }
        return new JobExecutionView(executionId, execution.getJobName(), String.valueOf(execution.getBatchStatus()),
                execution.getExitStatus(), instant(execution.getCreateTime()), instant(execution.getStartTime()),
                instant(execution.getEndTime()), steps);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
