package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.custodian.application.retention.RetentionService;
import org.custodian.application.retention.RetentionService.Item;

/**
 * Every ticket in id order with its retention decision, a page (the chunk's size) per query; the checkpoint is
 * the last id handed out, so a restart reads on from the last committed chunk.
 */
@Dependent
@Named
public class RetentionCandidateReader extends AbstractItemReader {

    @EJB
    RetentionService retention;

    @Inject
    StepContext step;

    @Inject
    @BatchProperty
    String pageSize;

    @Inject
    @BatchProperty
    String asOf;

    private final Deque<Item> buffer = new ArrayDeque<>();
    private RetentionCursor cursor;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        if (checkpoint instanceof RetentionCursor saved) {
            cursor = saved;
        } else {
            // asOf is fixed at the first start, so a restart decides exactly as the interrupted run did
            cursor = new RetentionCursor(0, asOf == null || asOf.isBlank() ? Instant.now() : Instant.parse(asOf), 0);
        }
        // the writer decides again with the very same instant; the step listener reports the examined count
        step.setTransientUserData(cursor);
    }

    @Override
    public Object readItem() {
        if (buffer.isEmpty() && !exhausted) {
            int size = pageSize();
            buffer.addAll(retention.decideAfter(cursor.lastTicketId(), size, cursor.asOf()));
            exhausted = buffer.size() < size;
        }
        Item item = buffer.pollFirst();
        if (item != null) {
            cursor = cursor.next(item.ticketId());
            step.setTransientUserData(cursor);
        }
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        return cursor;
    }

    Instant asOf() {
        return cursor.asOf();
    }

    private int pageSize() {
        try {
            return pageSize == null ? 500 : Math.max(1, Math.min(10_000, Integer.parseInt(pageSize.trim())));
        } catch (NumberFormatException e) {
            return 500;
        }
    }
}
