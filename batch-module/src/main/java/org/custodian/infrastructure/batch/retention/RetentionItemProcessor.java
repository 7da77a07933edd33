package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.custodian.application.retention.RetentionService.Item;

/** Tickets to keep are filtered out; ones that cannot be purged are skipped with the reason. */
@Dependent
@Named
public class RetentionItemProcessor implements ItemProcessor {

    @Override
    public Object processItem(Object read) {
        Item item = (Item) read;
        if ("KEEP".equals(item.outcome())) {
            return null;
        }
        if (item.obstacle() != null) {
            throw new RetentionSkipException(item.ticketId(), item.obstacle());
        }
        return item;
    }
}
