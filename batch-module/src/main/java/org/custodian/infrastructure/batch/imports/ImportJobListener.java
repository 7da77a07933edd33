package org.custodian.infrastructure.batch.imports;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.domain.model.imports.ImportUpload;

/**
 * Keeps the upload's state with its executions: RUNNING (and the execution) when one starts or restarts, then
 * COMPLETED, STOPPED or FAILED; the exit status gives the counts ("created=N unchanged=M rejected=K").
 */
@Dependent
@Named
public class ImportJobListener extends AbstractJobListener {

    @Inject
    ImportRun run;

    @Inject
    JobContext job;

    @Override
    public void beforeJob() {
        run.running();
    }

    @Override
    public void afterJob() {
        BatchStatus status = job.getBatchStatus();
        String state = status == BatchStatus.FAILED ? ImportUpload.FAILED
                : status == BatchStatus.STOPPING || status == BatchStatus.STOPPED ? ImportUpload.STOPPED
                : ImportUpload.COMPLETED;
        job.setExitStatus(run.finish(state));
    }
}
