package org.custodian.infrastructure.batch.privacy;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.custodian.infrastructure.batch.repository.IdPages;

/** Removes the chunk's transcripts in the chunk's transaction; {@link TranscriptRemoval} keeps the totals. */
@Dependent
@Named
public class TranscriptWriter extends AbstractItemWriter {

    @Inject
    TranscriptRemoval removal;

    @Override
    public void writeItems(List<Object> items) {
        removal.remove(IdPages.ids(items));
    }
}
