package org.custodian.infrastructure.batch;

import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import java.util.Properties;

/**
 * The plan of a partitioned step whose partitions find their own place on a restart (retention purge, legacy
 * import): {@code count} partitions on as many threads, each told its number ("partition") and the count
 * ("partitions"), mapped afresh on every start and restart. The container's own partition restart needs the
 * partition count it records only when the step ends, so it cannot restart a step a killed server left behind;
 * these steps keep their progress with their data instead.
 */
public final class FreshPartitions {

    private FreshPartitions() {
    }

    public static PartitionPlan plan(int count) {
        Properties[] properties = new Properties[count];
        for (int i = 0; i < count; i++) {
            properties[i] = new Properties();
            properties[i].setProperty("partition", String.valueOf(i));
            properties[i].setProperty("partitions", String.valueOf(count));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(count);
        plan.setThreads(count);
        plan.setPartitionsOverride(true);
        plan.setPartitionProperties(properties);
        return plan;
    }
}
