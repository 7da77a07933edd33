package org.custodian.infrastructure.batch.imports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.custodian.application.imports.ImportRow;
import org.custodian.application.imports.ImportRows;
import org.custodian.application.job.BatchJob;
import org.custodian.domain.model.imports.ImportUpload;

/**
 * The upload a legacy-import execution imports (the {@code importId} property of the job's listener, reader and
 * writer), with the import's steps bound to it and to this execution.
 */
@Dependent
public class ImportRun {

    @EJB
    ImportRows rows;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String importId;

    private long upload() {
        return Long.parseLong(importId.trim());
    }

    /** The upload's state is RUNNING, in this execution. */
    void running() {
        rows.running(upload(), job.getExecutionId());
    }

    /** Ends the upload in {@code state}; returns its counts as an exit status. */
    String finish(String state) {
        return rows.finish(upload(), state);
    }

    /** The upload as staged, without its file. */
    ImportUpload info() {
        return rows.uploadInfo(upload());
    }

    /** The rows of partition {@code partition} of {@code partitions} that no committed chunk imported yet. */
    List<ImportRow> pendingRows(int partition, int partitions) {
        return rows.pendingRows(upload(), partition, partitions);
    }

    /** Imports {@code chunk} of {@code upload} in the caller's (the chunk's) transaction, as this execution. */
    void write(ImportUpload upload, List<ImportRow> chunk) {
        rows.write(BatchJob.LEGACY_IMPORT.caller(job.getExecutionId()), upload, chunk);
    }
}
