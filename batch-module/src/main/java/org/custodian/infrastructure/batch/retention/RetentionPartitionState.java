package org.custodian.infrastructure.batch.retention;

import org.custodian.application.retention.RetentionService.Applied;
import org.custodian.domain.model.retention.RetentionProgress;

/**
 * One partition's place and its counts not yet written, shared by the reader, writer, skip listener and chunk
 * listener of that partition through the step's transient user data. The counts are written with each chunk,
 * in its transaction, by {@link RetentionChunkListener}.
 */
final class RetentionPartitionState {

    private final int partition;
    private RetentionCheckpoint cursor;
    private long examinedCounted;
    private RetentionProgress pending = RetentionProgress.NONE;

    RetentionPartitionState(int partition, RetentionCheckpoint cursor) {
        this.partition = partition;
        this.cursor = cursor;
        // a restart resumes at the checkpoint: what was examined before it is already counted
        this.examinedCounted = cursor.examined();
    }

    int partition() {
        return partition;
    }

    RetentionCheckpoint checkpoint() {
        return cursor;
    }

    void read(long ticketId) {
        cursor = cursor.next(ticketId);
    }

    void applied(Applied applied) {
        pending = pending.plus(new RetentionProgress(0, applied.anonymized(), applied.deleted(), applied.held(),
                applied.gone(), 0, applied.attachments()));
    }

    void skipped() {
        pending = pending.plus(new RetentionProgress(0, 0, 0, 0, 0, 1));
    }

    /** The chunk's counts, to be written in its transaction; afterwards they count as written. */
    RetentionProgress drain() {
        RetentionProgress chunk = pending.plus(new RetentionProgress(cursor.examined() - examinedCounted,
                0, 0, 0, 0, 0));
        examinedCounted = cursor.examined();
        pending = RetentionProgress.NONE;
        return chunk;
    }

    /** The chunk rolled back: its counts go with it, and the step resumes from the last checkpoint. */
    void discard() {
        pending = RetentionProgress.NONE;
    }
}
