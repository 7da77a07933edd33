package org.custodian.infrastructure.batch.retention;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.infrastructure.batch.FreshPartitions;

/**
 * Splits the purge by ticket id modulo the partition count (the {@code partitions} job parameter, fixed at the
 * start). The split depends on nothing that changes while the job runs, so a restart resumes each partition on
 * exactly its own tickets; the partitions lock disjoint tickets and cannot deadlock on them.
 */
@Dependent
@Named
public class RetentionPartitionMapper implements PartitionMapper {

    static final int MAX_PARTITIONS = 8;

    @Inject
    @BatchProperty
    String partitions;

    @Override
    public PartitionPlan mapPartitions() {
        // each reader resumes from its partition's row in retention_purge_progress
        return FreshPartitions.plan(count(partitions));
    }

    static int count(String text) {
        try {
            return text == null || text.isBlank() ? 1
                    : Math.max(1, Math.min(MAX_PARTITIONS, Integer.parseInt(text.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
