package org.custodian.infrastructure.batch.pii;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.custodian.infrastructure.batch.repository.IdPages;

/**
 * Rescans the chunk's records in the chunk's transaction (redactions, flags and their audit events commit with the
 * position). The step's totals are its persistent user data and its exit status, which the console shows.
 */
@Dependent
@Named
public class PiiRescanWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String target;

    @Inject
    PiiRescanStep rescan;

    @Override
    public void writeItems(List<Object> items) {
        rescan.rescan(target, IdPages.ids(items));
    }
}
