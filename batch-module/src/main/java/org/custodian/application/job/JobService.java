package org.custodian.application.job;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.custodian.application.imports.ImportRequest;
import org.custodian.application.privacy.SubjectPackageService.Prepared;
import org.custodian.application.shared.Caller;

/** Launching and watching batch jobs, through policy and audit like everything else. */
public interface JobService {

    /** Starts a job by name; unknown names are a 404, bad parameters a 422. */
    JobExecutionView start(Caller caller, String jobName, Map<String, String> parameters);

    JobExecutionView execution(Caller caller, long executionId);

    /** The jobs this caller may launch (their roles allow each one's permissions), with the parameters each accepts. */
    SortedMap<String, List<String>> launchable(Caller caller);

    /** The newest executions of every Custodian job (at most {@code limit}), newest first. */
    List<JobExecutionView> recentExecutions(Caller caller, int limit);

    /**
     * The same listing again, for a page that refreshes what it showed every few seconds: the policy decides as
     * always, but only the first listing ({@link #recentExecutions}) is audited, not each refresh.
     */
    List<JobExecutionView> refreshExecutions(Caller caller, int limit);

    /**
     * Registers the access / portability package of a privacy request and starts the subject-package job that
     * builds it (privacy officers, who run no other job); the result carries the download link, shown once.
     */
    Prepared startSubjectPackage(Caller caller, long requestId);

    /**
     * Stages an upload of another help desk's export (checked as a whole first: 422) and starts the legacy-import
     * job that imports its rows; returns the import's id and the execution (IMPORT_RUN).
     */
    StartedImport startImport(Caller caller, ImportRequest request);

    /** An import staged and the execution that works it. */
    record StartedImport(long importId, JobExecutionView execution) {
    }

    /** Restarts a failed or stopped execution from its checkpoint: 409 if it cannot be, or another one runs. */
    JobExecutionView restart(Caller caller, long executionId);

    /** Asks a running execution to stop at its next checkpoint: 409 if it is not running. */
    JobExecutionView stop(Caller caller, long executionId);
}
