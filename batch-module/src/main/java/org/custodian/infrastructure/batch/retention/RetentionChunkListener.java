package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.application.retention.RetentionService;

/**
 * Writes where each partition stands (its last ticket) and each chunk's counts (examined, anonymized, deleted,
 * held, gone, skipped). afterChunk runs inside the chunk's transaction, before the checkpoint, so both commit
 * exactly with the work.
 */
@Dependent
@Named
public class RetentionChunkListener extends AbstractChunkListener {

    @EJB
    RetentionService retention;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Override
    public void beforeChunk() {
        // runs in the chunk's transaction before anything is read: see RetentionService.beginChunk
        retention.beginChunk();
    }

    @Override
    public void afterChunk() {
        if (step.getTransientUserData() instanceof RetentionPartitionState state) {
            retention.countProgress(job.getInstanceId(), state.partition(), state.checkpoint().lastTicketId(),
                    state.drain());
        }
    }

    @Override
    public void onError(Exception cause) {
        if (step.getTransientUserData() instanceof RetentionPartitionState state) {
            state.discard();
        }
    }
}
