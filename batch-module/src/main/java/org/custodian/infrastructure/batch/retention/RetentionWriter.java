package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.retention.RetentionService;
import org.custodian.application.retention.RetentionService.Applied;
import org.custodian.application.retention.RetentionService.Item;

/** Applies the chunk in the chunk's transaction; totals are kept in the step's persistent user data. */
@Dependent
@Named
public class RetentionWriter extends AbstractItemWriter {

    @EJB
    RetentionService retention;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String dryRun;

    @Inject
    @BatchProperty
    String asOf;

    private Instant fixedAsOf;

    @Override
    public void open(Serializable checkpoint) {
        if (step.getPersistentUserData() == null) {
            step.setPersistentUserData(RetentionTotals.NONE);
        }
    }

    @Override
    public void writeItems(List<Object> items) {
        List<Item> work = new ArrayList<>(items.size());
        items.forEach(item -> work.add((Item) item));
        Applied applied = retention.apply(work, asOf(), Boolean.parseBoolean(dryRun), job.getExecutionId());
        RetentionTotals totals = RetentionTotals.of(step.getPersistentUserData());
        step.setPersistentUserData(totals.plus(applied.anonymized(), applied.deleted(), applied.held(),
                applied.gone()));
    }

    private Instant asOf() {
        if (fixedAsOf == null) {
            // the reader's checkpoint holds the instant fixed at the first start
            Object checkpoint = step.getTransientUserData();
            fixedAsOf = checkpoint instanceof RetentionCursor cursor ? cursor.asOf()
                    : asOf == null || asOf.isBlank() ? Instant.now() : Instant.parse(asOf);
        }
        return fixedAsOf;
    }
}
