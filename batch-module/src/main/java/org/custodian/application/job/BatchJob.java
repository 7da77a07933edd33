package org.custodian.application.job;

import static org.custodian.application.job.JobParameter.AS_OF;
import static org.custodian.application.job.JobParameter.CONFIRM;
import static org.custodian.application.job.JobParameter.CUSTOMER_ID;
import static org.custodian.application.job.JobParameter.DRILL;
import static org.custodian.application.job.JobParameter.DRY_RUN;
import static org.custodian.application.job.JobParameter.IMPORT_ID;
import static org.custodian.application.job.JobParameter.ITEM_COUNT;
import static org.custodian.application.job.JobParameter.MODE;
import static org.custodian.application.job.JobParameter.PACKAGE_ID;
import static org.custodian.application.job.JobParameter.POINT_IN_TIME;
import static org.custodian.application.job.JobParameter.REASON;
import static org.custodian.application.job.JobParameter.SET_ID;
import static org.custodian.application.job.JobParameter.TARGET;
import static org.custodian.application.job.JobParameter.TYPE;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.custodian.application.policy.Permission;
import org.custodian.application.shared.Caller;

/**
 * The catalogue of Custodian's batch jobs: each one's name (the id of its job XML in META-INF/batch-jobs), the
 * parameters a caller may give it, which jobs it may not run beside, and the permission it needs beyond JOB_RUN.
 * The job service, the API, the portal and the schedules all start jobs through it.
 */
public enum BatchJob {
    AUDIT_VERIFY("audit-verify", Exclusion.ITSELF, null, true, ITEM_COUNT),
    RETENTION_PURGE("retention-purge", Exclusion.ITSELF, Permission.RETENTION_RUN, true, ITEM_COUNT, AS_OF, DRY_RUN),
    BACKUP_EXPORT("backup-export", Exclusion.BACKUP_JOBS, Permission.BACKUP_RUN, true, TYPE, TARGET, REASON),
    BACKUP_RESTORE("backup-restore", Exclusion.BACKUP_JOBS, Permission.BACKUP_RUN, true, SET_ID, POINT_IN_TIME,
            TARGET, REASON, MODE, CONFIRM),
    /** A drill restores backups, so a drill needs BACKUP_RUN too (checked per execution, not here). */
    INTEGRITY_VERIFY("integrity-verify", Exclusion.BACKUP_JOBS, null, true, DRILL, REASON),
    /** Deletes chat transcripts: an operator's work like every job that deletes data, not an auditor's. */
    TRANSCRIPT_REMOVAL("transcript-removal", Exclusion.NONE, Permission.RETENTION_RUN, true, CUSTOMER_ID, ITEM_COUNT),
    /**
     * Reads all stored text again with the current PII detector and redacts what the ingest rules redact: it changes
     * data, so it is an operator's work with RETENTION_RUN, like every job that removes data.
     */
    PII_RESCAN("pii-rescan", Exclusion.ITSELF, Permission.RETENTION_RUN, true, ITEM_COUNT),
    /** Started only with its privacy request ({@link JobService#startSubjectPackage}), which registers the package. */
    SUBJECT_PACKAGE("subject-package", Exclusion.NONE, null, false, PACKAGE_ID),
    /** Started only with its upload ({@link JobService#startImport}, POST /api/v1/imports), which stages the file. */
    LEGACY_IMPORT("legacy-import", Exclusion.NONE, Permission.IMPORT_RUN, false, IMPORT_ID);

    /** Which running executions refuse a start (409). */
    enum Exclusion {
        /** Runs beside anything. */
        NONE,
        /** One execution at a time: it changes data that a second run would change too. */
        ITSELF,
        /** One backup job at a time: an export's expiry step must not delete a set a restore or a check reads. */
        BACKUP_JOBS
    }

    private final String jobName;
    private final Exclusion exclusion;
    private final Permission permission;
    private final boolean launchable;
    private final List<JobParameter> parameters;

    BatchJob(String jobName, Exclusion exclusion, Permission permission, boolean launchable,
            JobParameter... parameters) {
        this.jobName = jobName;
        this.exclusion = exclusion;
        this.permission = permission;
        this.launchable = launchable;
        this.parameters = List.of(parameters);
    }

    /** The job's name: the id of its job XML, and the name executions are listed under. */
    public String jobName() {
        return jobName;
    }

    /** Whether operators may launch it by name (through the API or the portal's jobs page). */
    public boolean launchable() {
        return launchable;
    }

    /** The parameters a caller may give it. */
    public List<JobParameter> parameters() {
        return parameters;
    }

    public List<String> parameterNames() {
        return parameters.stream().map(JobParameter::parameterName).toList();
    }

    /** The permission needed beyond JOB_RUN to start, restart or stop it, if any. */
    public Optional<Permission> permission() {
        return Optional.ofNullable(permission);
    }

    /** The jobs whose running executions keep this one from starting (empty: none). */
    public List<BatchJob> excludedBy() {
        return switch (exclusion) {
            case NONE -> List.of();
            case ITSELF -> List.of(this);
            case BACKUP_JOBS -> Arrays.stream(values()).filter(job -> job.exclusion == Exclusion.BACKUP_JOBS).toList();
        };
    }

    /** The job as the actor of what an execution of it does, in the audit trail. */
    public Caller caller(long executionId) {
        return Caller.system(jobName, "execution-" + executionId);
    }

    /** The job as the actor of what happens before an execution of it exists. */
    public Caller caller() {
        return Caller.system(jobName, null);
    }

    /** The job of that name, if Custodian has one. */
    public static Optional<BatchJob> named(String jobName) {
        return Arrays.stream(values()).filter(job -> job.jobName.equals(jobName)).findFirst();
    }
}
