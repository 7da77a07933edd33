package org.custodian.infrastructure.batch.privacy;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.custodian.application.privacy.ConsentService;
import org.custodian.infrastructure.batch.repository.IdPages;
import org.custodian.infrastructure.batch.repository.StepPosition;

/**
 * Chat transcripts without consent, in comment id order, a page at a time; the checkpoint is the last id handed
 * out, so a restart reads on after the last committed chunk (transcripts a hold kept are not read again). Where a
 * position committed with the chunks exists (batch_chunk_position, with the totals), it wins over the container's
 * checkpoint, which WildFly's JBeret saves outside the chunk's transaction.
 */
@Dependent
@Named
public class TranscriptReader extends AbstractItemReader {

    static final int PAGE = 500;

    @Inject
    @BatchProperty
    String customerId;

    @Inject
    TranscriptRemoval removal;

    @Inject
    StepPosition position;

    private final IdPages pages = new IdPages(PAGE);

    @Override
    public void open(Serializable checkpoint) {
        position.resume(pages, checkpoint, ':').ifPresent(totals -> {
            String[] parts = totals.split(":");
            removal.resumeFrom(new ConsentService.Removed(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
        });
        position.track(pages, ':', () -> {
            ConsentService.Removed total = removal.total();
            return total.removed() + ":" + total.held();
        });
        // a run that finds nothing still says so; the writer updates it (totals survive restarts with the checkpoint)
        removal.showTotal();
    }

    @Override
    public Object readItem() {
        return pages.next((after, size) -> removal.next(after, size, customer()));
    }

    /** The one customer the run is limited to (null: all). */
    private Long customer() {
        return customerId == null || customerId.isBlank() ? null : Long.valueOf(customerId.trim());
    }

    @Override
    public Serializable checkpointInfo() {
        return pages.lastHandedOut();
    }
}
