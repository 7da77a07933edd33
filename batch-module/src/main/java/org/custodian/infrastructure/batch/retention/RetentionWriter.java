package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.job.BatchJob;
import org.custodian.application.retention.RetentionService;
import org.custodian.application.retention.RetentionService.Applied;
import org.custodian.application.retention.RetentionService.Item;

/** Applies the chunk in the chunk's transaction; the chunk listener counts what it did. */
@Dependent
@Named
public class RetentionWriter extends AbstractItemWriter {

    @EJB
    RetentionService retention;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String dryRun;

    @Override
    public void writeItems(List<Object> items) {
        List<Item> work = new ArrayList<>(items.size());
        items.forEach(item -> work.add((Item) item));
        // the reader's state holds the instant fixed at the first start
        RetentionPartitionState state = (RetentionPartitionState) step.getTransientUserData();
        Applied applied = retention.apply(work, state.checkpoint().asOf(), Boolean.parseBoolean(dryRun),
                BatchJob.RETENTION_PURGE.caller(job.getExecutionId()));
        state.applied(applied);
    }
}
