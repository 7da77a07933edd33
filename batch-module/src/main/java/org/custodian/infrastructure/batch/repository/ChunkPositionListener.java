package org.custodian.infrastructure.batch.repository;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.api.listener.StepListener;
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
    StepPosition position;

    @Override
    public void afterChunk() {
        position.saveTracked();
    }

    @Override
    public void beforeStep() {
        // nothing: the reader finds its position when it opens
    }

    @Override
    public void afterStep() {
        position.forgetIfDone();
    }
}
