package org.custodian.infrastructure.batch.imports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.infrastructure.batch.FreshPartitions;

/**
 * Splits the import over partitions by customer ({@code ImportPartitions}: a ticket's rows stay together and in
 * order). One chunk step is one thread, and a row's work (redaction, records, hashing) is CPU: the partitions let an
 * import use every core (#24). The count is the {@code partitions} job parameter, else one more than the processors
 * (a partition waiting for the database leaves its core to another), at most {@value #MAX_PARTITIONS}. Mapped
 * afresh on a restart: each partition reads the rows without a recorded outcome, so the count may even change.
 */
@Dependent
@Named
public class ImportPartitionMapper implements PartitionMapper {

    static final int MAX_PARTITIONS = 4;

    @Inject
    @BatchProperty
    String partitions;

    @Override
    public PartitionPlan mapPartitions() {
        return FreshPartitions.plan(count(partitions, Runtime.getRuntime().availableProcessors()));
    }

    static int count(String text, int processors) {
        int fallback = Math.min(MAX_PARTITIONS, processors + 1);
        try {
            return text == null || text.isBlank() ? fallback
                    : Math.max(1, Math.min(MAX_PARTITIONS, Integer.parseInt(text.trim())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
