package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.retention.RetentionService.Item;

/** Applies the chunk in the chunk's transaction; the chunk listener counts what it did. */
@Dependent
@Named
public class RetentionWriter extends AbstractItemWriter {

    @Inject
    RetentionRun run;

    /** "true": decide and count, change nothing. */
    @Inject
    @BatchProperty
    String dryRun;

    @Override
    public void writeItems(List<Object> items) {
        List<Item> work = new ArrayList<>(items.size());
        items.forEach(item -> work.add((Item) item));
        run.apply(work, Boolean.parseBoolean(dryRun));
    }
}
