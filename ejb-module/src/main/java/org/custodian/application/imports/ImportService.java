package org.custodian.application.imports;

import org.custodian.application.shared.Caller;

/**
 * Legacy import through policy (IMPORT_RUN) and audit. The job itself is started by the job service
 * ({@code JobService.startImport}), which lives beside the job XMLs.
 */
public interface ImportService {

    /** Reads and checks every row, writes nothing; a malformed upload or mapping is a 422. */
    DryRunReport dryRun(Caller caller, ImportRequest request);

    /** Checks the upload as a whole (422) and stages it, in a transaction of its own, for the job to read. */
    long stage(Caller caller, ImportRequest request);

    /** The job started as this execution. */
    void startedAs(long importId, long executionId);

    /** The job could not start: the upload is marked FAILED. */
    void failedToStart(long importId);

    ImportView view(Caller caller, long importId);
}
