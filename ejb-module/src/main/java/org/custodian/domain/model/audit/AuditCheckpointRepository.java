package org.custodian.domain.model.audit;

import java.util.List;
import java.util.Optional;

/** Signed checkpoints of the trail's Merkle tree, by tree size. */
public interface AuditCheckpointRepository {

    void store(AuditCheckpoint checkpoint);

    /** All checkpoints, smallest tree first. */
    List<AuditCheckpoint> all();

    Optional<AuditCheckpoint> latest();

    Optional<AuditCheckpoint> find(long treeSize);

    /** Checkpoints whose tree size lies in {@code [from, to]}, smallest first. */
    List<AuditCheckpoint> between(long from, long to);
}
