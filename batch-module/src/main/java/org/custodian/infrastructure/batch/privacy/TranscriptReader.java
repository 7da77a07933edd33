package org.custodian.infrastructure.batch.privacy;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.custodian.application.privacy.ConsentService;
import org.custodian.infrastructure.batch.repository.ChunkPosition;
import org.custodian.infrastructure.batch.repository.CommittedPositions;
import org.custodian.infrastructure.batch.repository.IdPages;

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

    @EJB
    ConsentService consents;

    @Inject
    @BatchProperty
    String customerId;

    private final IdPages pages = new IdPages(PAGE);

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Inject
    CommittedPositions positions;

    @Override
    public void open(Serializable checkpoint) {
        pages.restartAfter(checkpoint instanceof Long saved ? saved : 0);
        positions.find(job.getInstanceId(), step.getStepName()).ifPresent(committed -> {
            String[] parts = committed.split(":");
            pages.restartAfter(Long.parseLong(parts[0]));
            step.setPersistentUserData(new ConsentService.Removed(Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2])));
        });
        step.setTransientUserData((ChunkPosition) () -> {
            ConsentService.Removed total = totalSoFar();
            return pages.lastHandedOut() + ":" + total.removed() + ":" + total.held();
        });
        // a run that finds nothing still says so; the writer updates it (totals survive restarts with the checkpoint)
        ConsentService.Removed total = totalSoFar();
        job.setExitStatus("removed=" + total.removed() + " held=" + total.held());
    }

    @Override
    public Object readItem() {
        return pages.next((after, size) -> consents.transcriptsWithoutConsent(after, size, customer()));
    }

    /** The one customer the run is limited to (null: all). */
    private Long customer() {
        return customerId == null || customerId.isBlank() ? null : Long.valueOf(customerId.trim());
    }

    @Override
    public Serializable checkpointInfo() {
        return pages.lastHandedOut();
    }

    private ConsentService.Removed totalSoFar() {
        return step.getPersistentUserData() instanceof ConsentService.Removed saved ? saved
                : new ConsentService.Removed(0, 0);
    }
}
