package org.custodian.infrastructure.batch.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.batch.api.partition.PartitionPlan;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.custodian.application.retention.RetentionService.Applied;
import org.custodian.domain.model.retention.RetentionProgress;
import org.junit.jupiter.api.Test;

class RetentionPartitionTest {

    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void eachChunkCountsWhatItExaminedAndDidOnce() {
        RetentionPartitionState state = new RetentionPartitionState(1, new RetentionCheckpoint(0, AS_OF, 0));
        for (long id = 1; id <= 5; id++) {
            state.read(id);
        }
        state.applied(new Applied(2, 1, 1, 0, 3));
        state.skipped();
        // #24: the attachments removed with the purged tickets are counted with the chunk
        assertEquals(new RetentionProgress(5, 2, 1, 1, 0, 1, 3), state.drain());
        // a chunk of KEEP only: examined, nothing done
        state.read(6);
        state.read(7);
        assertEquals(new RetentionProgress(2, 0, 0, 0, 0, 0), state.drain());
        assertEquals(RetentionProgress.NONE, state.drain());
        assertEquals(7, state.checkpoint().lastTicketId());
    }

    @Test
    void aRestartCountsNothingBeforeItsCheckpointAgain() {
        RetentionPartitionState state = new RetentionPartitionState(0, new RetentionCheckpoint(40, AS_OF, 20));
        state.read(42);
        assertEquals(new RetentionProgress(1, 0, 0, 0, 0, 0), state.drain());
    }

    @Test
    void aRolledBackChunkCountsNothingItDid() {
        RetentionPartitionState state = new RetentionPartitionState(0, new RetentionCheckpoint(0, AS_OF, 0));
        state.read(1);
        state.applied(new Applied(1, 0, 0, 0));
        state.skipped();
        state.discard();
        // the step fails or the reader reopens at the checkpoint with a new state; nothing done is counted
        RetentionProgress left = state.drain();
        assertEquals(0, left.anonymized());
        assertEquals(0, left.skipped());
    }

    @Test
    void partitionsCoverEveryResidueOnceAndAreMappedAfreshOnRestart() {
        RetentionPartitionMapper mapper = new RetentionPartitionMapper();
        mapper.partitions = "3";
        PartitionPlan plan = mapper.mapPartitions();
        assertEquals(3, plan.getPartitions());
        assertEquals(3, plan.getThreads());
        // a restart maps afresh; each reader resumes from its partition's progress row
        assertEquals(true, plan.getPartitionsOverride());
        Set<String> residues = new HashSet<>();
        for (var properties : plan.getPartitionProperties()) {
            assertEquals("3", properties.getProperty("partitions"));
            residues.add(properties.getProperty("partition"));
        }
        assertEquals(Set.of("0", "1", "2"), residues);
    }

    @Test
    void thePartitionCountIsBounded() {
        assertEquals(1, RetentionPartitionMapper.count(null));
        assertEquals(1, RetentionPartitionMapper.count("0"));
        assertEquals(1, RetentionPartitionMapper.count("two"));
        assertEquals(8, RetentionPartitionMapper.count("64"));
        assertEquals(2, RetentionPartitionMapper.count(" 2 "));
    }
}
