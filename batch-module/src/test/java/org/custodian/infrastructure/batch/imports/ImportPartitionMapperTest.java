package org.custodian.infrastructure.batch.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.batch.api.partition.PartitionPlan;
import org.junit.jupiter.api.Test;

class ImportPartitionMapperTest {

    @Test
    void theCountIsTheParameterElseOneMoreThanTheProcessorsWithinLimits() {
        assertEquals(3, ImportPartitionMapper.count(null, 2));
        assertEquals(3, ImportPartitionMapper.count(" ", 2));
        assertEquals(2, ImportPartitionMapper.count(null, 1));
        assertEquals(4, ImportPartitionMapper.count(null, 16));
        assertEquals(1, ImportPartitionMapper.count("1", 16));
        assertEquals(1, ImportPartitionMapper.count("0", 16));
        assertEquals(4, ImportPartitionMapper.count("64", 2));
        assertEquals(3, ImportPartitionMapper.count("many", 2));
    }

    @Test
    void partitionsAreMappedAfreshOnRestartEachKnowingItsNumber() {
        ImportPartitionMapper mapper = new ImportPartitionMapper();
        mapper.partitions = "2";
        PartitionPlan plan = mapper.mapPartitions();
        assertEquals(2, plan.getPartitions());
        assertEquals(2, plan.getThreads());
        // a restart maps afresh: each reader skips the rows whose outcome committed
        assertTrue(plan.getPartitionsOverride());
        assertEquals("1", plan.getPartitionProperties()[1].getProperty("partition"));
        assertEquals("2", plan.getPartitionProperties()[1].getProperty("partitions"));
    }
}
