package org.custodian.infrastructure.batch.pii;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.custodian.application.pii.Rescanned;
import org.custodian.infrastructure.batch.repository.IdPages;
import org.custodian.infrastructure.batch.repository.StepPosition;

/**
 * The step's records (its {@code target}) in id order, a page at a time. The position committed with each chunk
 * (batch_chunk_position: the last id handed out and the step's totals) wins over the container's checkpoint, which
 * WildFly's JBeret saves outside the chunk's transaction; so a restart neither scans a record twice nor skips one.
 */
@Dependent
@Named
public class PiiRescanReader extends AbstractItemReader {

    static final int PAGE = 1000;

    @Inject
    @BatchProperty
    String target;

    @Inject
    PiiRescanStep rescan;

    @Inject
    StepPosition position;

    private final IdPages pages = new IdPages(PAGE);

    @Override
    public void open(Serializable checkpoint) {
        position.resume(pages, checkpoint, '|').ifPresent(totals -> rescan.resumeFrom(Rescanned.parse(totals)));
        position.track(pages, '|', () -> rescan.total().text());
        rescan.showTotal();
    }

    @Override
    public Object readItem() {
        return pages.next((after, size) -> rescan.next(target, after, size));
    }

    @Override
    public Serializable checkpointInfo() {
        return pages.lastHandedOut();
    }
}
