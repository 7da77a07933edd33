package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Writes where each partition stands (its last ticket) and each chunk's counts (examined, anonymized, deleted,
 * held, gone, skipped). afterChunk runs inside the chunk's transaction, before the checkpoint, so both commit
 * exactly with the work.
 */
@Dependent
@Named
public class RetentionChunkListener extends AbstractChunkListener {

    @Inject
    RetentionRun run;

    @Override
    public void beforeChunk() {
        // runs in the chunk's transaction before anything is read: see RetentionService.beginChunk
        run.beginChunk();
    }

    @Override
    public void afterChunk() {
        run.countChunk();
    }

    @Override
    public void onError(Exception cause) {
        run.state().ifPresent(RetentionPartitionState::discard);
    }
}
