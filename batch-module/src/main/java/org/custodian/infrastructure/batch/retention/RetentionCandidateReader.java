package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.custodian.application.retention.RetentionService.Item;

/**
 * Every ticket of its partition in id order with its retention decision, at least {@link #READ_AHEAD} per query;
 * the checkpoint is the last id handed out, so a restart reads on from the last committed chunk.
 */
@Dependent
@Named
public class RetentionCandidateReader extends AbstractItemReader {

    @Inject
    RetentionRun run;

    /**
     * Tickets decided per query: at least this many, whatever the chunk size, so small chunks do not pay a query
     * round per chunk. The checkpoint is the last ticket handed out, not read, so a restart still resumes exactly;
     * the writer decides again on the locked tickets, so a decision read ahead cannot go stale.
     */
    static final int READ_AHEAD = 1000;

    @Inject
    @BatchProperty
    String itemCount;

    @Inject
    @BatchProperty
    String asOf;

    @Inject
    @BatchProperty
    String partition;

    @Inject
    @BatchProperty
    String partitions;

    private final Deque<Item> buffer = new ArrayDeque<>();
    private RetentionPartitionState state;
    private int partitionCount;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        partitionCount = RetentionPartitionMapper.count(partitions);
        int index = partition == null || partition.isBlank() ? 0 : Integer.parseInt(partition.trim());
        // asOf is fixed when the job starts, so every partition and every restart decides with the same instant
        Instant fixedAsOf = asOf == null || asOf.isBlank() ? Instant.now() : Instant.parse(asOf);
        // what was read ahead of the checkpoint is read again
        buffer.clear();
        exhausted = false;
        // shared with the writer (asOf) and the listeners (counts) of this partition
        state = run.open(index, checkpoint instanceof RetentionCheckpoint saved ? saved : null, fixedAsOf);
    }

    @Override
    public Object readItem() {
        if (buffer.isEmpty() && !exhausted) {
            int size = pageSize();
            buffer.addAll(run.decideNext(state, size, partitionCount));
            exhausted = buffer.size() < size;
        }
        Item item = buffer.pollFirst();
        if (item != null) {
            state.read(item.ticketId());
        }
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        return state.checkpoint();
    }

    private int pageSize() {
        try {
            return itemCount == null ? READ_AHEAD
                    : Math.max(READ_AHEAD, Math.min(10_000, Integer.parseInt(itemCount.trim())));
        } catch (NumberFormatException e) {
            return READ_AHEAD;
        }
    }
}
