package org.custodian.infrastructure.batch.pii;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.custodian.application.pii.PiiRescanService;
import org.custodian.application.pii.RescanTarget;
import org.custodian.application.pii.Rescanned;
import org.custodian.infrastructure.batch.repository.ChunkPosition;
import org.custodian.infrastructure.batch.repository.CommittedPositions;
import org.custodian.infrastructure.batch.repository.IdPages;

/**
 * The step's records (its {@code target}) in id order, a page at a time. The position committed with each chunk
 * (batch_chunk_position: the last id handed out and the step's totals) wins over the container's checkpoint, which
 * WildFly's JBeret saves outside the chunk's transaction; so a restart neither scans a record twice nor skips one.
 */
@Dependent
@Named
public class PiiRescanReader extends AbstractItemReader {

    static final int PAGE = 1000;

    @EJB
    PiiRescanService rescans;

    @Inject
    @BatchProperty
    String target;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Inject
    CommittedPositions positions;

    private final IdPages pages = new IdPages(PAGE);

    @Override
    public void open(Serializable checkpoint) {
        pages.restartAfter(checkpoint instanceof Long saved ? saved : 0);
        positions.find(job.getInstanceId(), step.getStepName()).ifPresent(committed -> {
            int bar = committed.indexOf('|');
            pages.restartAfter(Long.parseLong(committed.substring(0, bar)));
            step.setPersistentUserData(Rescanned.parse(committed.substring(bar + 1)));
        });
        step.setTransientUserData(
                (ChunkPosition) () -> pages.lastHandedOut() + "|" + PiiRescanWriter.totalOf(step).text());
        step.setExitStatus(PiiRescanWriter.totalOf(step).text());
    }

    @Override
    public Object readItem() {
        return pages.next((after, size) -> rescans.next(RescanTarget.valueOf(target), after, size));
    }

    @Override
    public Serializable checkpointInfo() {
        return pages.lastHandedOut();
    }
}
