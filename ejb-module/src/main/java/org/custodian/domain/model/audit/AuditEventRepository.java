package org.custodian.domain.model.audit;

import java.util.List;
import java.util.Optional;

public interface AuditEventRepository {

    /** The chain head, locked until the current transaction ends, so appends are strictly ordered. */
    AuditChainHead lockHead();

    /** The chain head as committed, without a lock (for verification). */
    AuditChainHead readHead();

    void store(AuditEvent event);

    /** Up to {@code limit} events after {@code afterSequence}, in sequence order. */
    List<AuditEvent> findAfter(long afterSequence, int limit);

    /** The stored leaf hashes of sequences 1 to {@code treeSize}, in order (for proofs). */
    List<byte[]> leafHashes(long treeSize);

    void store(AuditCheckpoint checkpoint);

    /** All checkpoints, smallest tree first. */
    List<AuditCheckpoint> checkpoints();

    Optional<AuditCheckpoint> latestCheckpoint();

    Optional<AuditCheckpoint> checkpoint(long treeSize);

    /** Checkpoints whose tree size lies in {@code [from, to]}, smallest first. */
    List<AuditCheckpoint> checkpointsBetween(long from, long to);
}
