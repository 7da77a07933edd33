package org.custodian.application.job;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
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
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.backup.BackupJobParameters;
import org.custodian.application.imports.ImportRequest;
import org.custodian.application.imports.ImportService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.privacy.SubjectPackageService;
import org.custodian.application.privacy.SubjectPackageService.Prepared;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
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

    /** The most executions one listing returns. */
    static final int MAX_RECENT = 200;

    @Inject
    @ConfigProperty(name = "custodian.retention.partitions", defaultValue = "2")
    int retentionPartitions;

    @EJB
    private PolicyService policy;

    @Inject
    private BackupJobParameters backupParameters;

    @EJB
    private AuditService audit;

    @EJB
    private SubjectPackageService packages;

    @EJB
    private ImportService imports;

    @Override
    public Prepared startSubjectPackage(Caller caller, long requestId) {
        // registered (and the request checked) in a transaction of its own, so the job finds the row
        Prepared prepared = packages.prepare(caller, requestId);
        Properties parameters = new Properties();
        parameters.setProperty(JobParameter.PACKAGE_ID.parameterName(), String.valueOf(prepared.view().id()));
        long executionId;
        try {
            executionId = JobLauncher.start(BatchRuntime.getJobOperator(), BatchJob.SUBJECT_PACKAGE, parameters);
        } catch (RuntimeException e) {
            packages.markFailed(prepared.view().id(), BatchJob.SUBJECT_PACKAGE.caller(), "the subject-package job could not start: " + e.getMessage());
            throw e;
        }
        packages.startedAs(prepared.view().id(), executionId);
        audit.record(caller, AuditActions.JOB_START, AuditActions.JOB, BatchJob.SUBJECT_PACKAGE.jobName() + "/"
                + executionId, List.of("packageId", "request=" + requestId), AuditOutcome.SUCCESS);
        SubjectPackageService.PackageView view = prepared.view();
        return new Prepared(new SubjectPackageService.PackageView(view.id(), view.requestId(), view.status(),
                executionId, view.createdAt(), view.expiresAt(), view.readyAt(), view.sizeBytes(),
                view.contentSha256(), view.downloads(), view.failure()), prepared.downloadPath());
    }

    @Override
    public StartedImport startImport(Caller caller, ImportRequest request) {
        // staged (and checked) in a transaction of its own, so the job finds the row
        long importId = imports.stage(caller, request);
        Properties parameters = new Properties();
        parameters.setProperty(JobParameter.IMPORT_ID.parameterName(), String.valueOf(importId));
        long executionId;
        try {
            executionId = JobLauncher.start(BatchRuntime.getJobOperator(), BatchJob.LEGACY_IMPORT, parameters);
        } catch (RuntimeException e) {
            imports.failedToStart(importId);
            throw e;
        }
        imports.startedAs(importId, executionId);
        audit.record(caller, AuditActions.JOB_START, AuditActions.JOB, BatchJob.LEGACY_IMPORT.jobName() + "/"
                + executionId, List.of("importId", "import=" + importId), AuditOutcome.SUCCESS);
        return new StartedImport(importId, view(BatchRuntime.getJobOperator(), executionId));
    }

    @Override
    public JobExecutionView start(Caller caller, String jobName, Map<String, String> parameters) {
        policy.enforce(caller, Permission.JOB_RUN, AuditActions.JOB, jobName);
        BatchJob job = BatchJob.named(jobName).filter(BatchJob::launchable).orElseThrow(() -> {
            String shown = jobName.length() > 64 ? jobName.substring(0, 64) + "..." : jobName;
            return new ResourceNotFoundException("job", shown + " (launchable jobs: " + launchableJobs(any -> true)
                    .keySet() + ")");
        });
        enforceExtra(caller, job, jobName);
        List<String> accepted = job.parameterNames();
        RuleCheck check = new RuleCheck();
        parameters.keySet().forEach(name -> check.require(accepted.contains(name), name, "is not a parameter of "
                + jobName + "; accepted: " + accepted));
        JobParameter.checkValues(parameters, check);
        Properties jobParameters = switch (job) {
            case BACKUP_EXPORT -> backupParameters.export(caller, parameters, check);
            case BACKUP_RESTORE -> backupParameters.restore(caller, parameters, check);
            default -> copy(parameters);
        };
        if (job == BatchJob.INTEGRITY_VERIFY && parameters.containsKey(JobParameter.DRILL.parameterName())) {
            JobParameter.checkDrill(parameters, check);
            enforceDrill(caller, job, jobParameters, jobName);
        }
        check.throwIfAny();
        if (job == BatchJob.RETENTION_PURGE) {
            purgeParameters(jobParameters, retentionPartitions);
        }
        if (job == BatchJob.INTEGRITY_VERIFY) {
            jobParameters.setProperty("requestedBy", caller.username());
        }
        JobOperator operator = BatchRuntime.getJobOperator();
        long executionId = JobLauncher.start(operator, job, jobParameters);
        audit.record(caller, AuditActions.JOB_START, AuditActions.JOB, jobName + "/" + executionId,
                new ArrayList<>(parameters.keySet()), AuditOutcome.SUCCESS);
        return view(operator, executionId);
    }

    private static Properties copy(Map<String, String> parameters) {
        Properties copy = new Properties();
        parameters.forEach(copy::setProperty);
        return copy;
    }

    private static SortedMap<String, List<String>> launchableJobs(Predicate<BatchJob> startable) {
        SortedMap<String, List<String>> launchable = new TreeMap<>();
        for (BatchJob job : BatchJob.values()) {
            if (job.launchable() && startable.test(job)) {
                launchable.put(job.jobName(), job.parameterNames());
            }
        }
        return launchable;
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
        // what this caller may start: a launch form offers nothing that would be refused
        boolean runs = policy.allows(caller, Permission.JOB_RUN);
        return launchableJobs(job -> runs && job.permission().map(extra -> policy.allows(caller, extra)).orElse(true));
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
        for (BatchJob job : BatchJob.values()) {
            try {
                // instances come newest first; each has one execution per start or restart
                for (JobInstance instance : operator.getJobInstances(job.jobName(), 0, wanted)) {
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
            BatchJob job = jobOf(operator, executionId);
            enforceExtra(caller, job, String.valueOf(executionId));
            enforceDrill(caller, job, operator.getParameters(executionId), String.valueOf(executionId));
            restarted = JobLauncher.restart(operator, job, executionId, operator.getParameters(executionId));
        } catch (NoSuchJobExecutionException e) {
            throw new ResourceNotFoundException("job execution", executionId);
        } catch (JobExecutionAlreadyCompleteException | JobExecutionNotMostRecentException
                | JobRestartException e) {
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
            BatchJob job = jobOf(operator, executionId);
            enforceExtra(caller, job, String.valueOf(executionId));
            enforceDrill(caller, job, operator.getParameters(executionId), String.valueOf(executionId));
            operator.stop(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw new ResourceNotFoundException("job execution", executionId);
        } catch (JobExecutionNotRunningException e) {
            throw new ConflictException("execution " + executionId + " is not running");
        }
        audit.record(caller, AuditActions.JOB_STOP, AuditActions.JOB, String.valueOf(executionId), null,
                AuditOutcome.SUCCESS);
        return view(operator, executionId);
    }

    /** The catalogued job an execution belongs to; the job repository holds only Custodian's jobs. */
    private static BatchJob jobOf(JobOperator operator, long executionId) {
        String jobName = operator.getJobExecution(executionId).getJobName();
        return BatchJob.named(jobName).orElseThrow(() -> new ResourceNotFoundException("job", jobName));
    }

    private void enforceExtra(Caller caller, BatchJob job, String resourceId) {
        job.permission().ifPresent(extra -> policy.enforce(caller, extra, AuditActions.JOB, resourceId));
    }

    /** A drill restores backups: an operator's work, also when an execution of it is restarted or stopped. */
    private void enforceDrill(Caller caller, BatchJob job, Properties parameters, String resourceId) {
        if (job == BatchJob.INTEGRITY_VERIFY && parameters != null && "true".equals(parameters.getProperty("drill"))) {
            policy.enforce(caller, Permission.BACKUP_RUN, AuditActions.JOB, resourceId);
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
