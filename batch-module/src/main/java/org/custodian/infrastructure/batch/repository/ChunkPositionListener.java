package org.custodian.infrastructure.batch.repository;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Saves the reader's {@link ChunkPosition} at the end of every chunk. The containers call afterChunk after the
 * writer and before the chunk's commit, inside its transaction, so the row commits with the chunk's data or not
 * at all; a step that completed needs its row no more.
 */
@Dependent
@Named
public class ChunkPositionListener extends AbstractChunkListener implements StepListener {

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Inject
    CommittedPositions positions;

    @Override
    public void afterChunk() {
        if (step.getTransientUserData() instanceof ChunkPosition position) {
            positions.save(job.getInstanceId(), step.getStepName(), position.encode());
        }
    }

    @Override
    public void beforeStep() {
        // nothing: the reader finds its position when it opens
    }

    @Override
    public void afterStep() {
        // the status may still read STARTED here; a failed or stopped step keeps its row for the restart
        BatchStatus status = step.getBatchStatus();
        if (step.getException() == null && (status == BatchStatus.STARTED || status == BatchStatus.COMPLETED)) {
            positions.forget(job.getInstanceId(), step.getStepName());
        }
    }
}
