package org.custodian.domain.model.audit;

import java.util.List;
import java.util.Optional;

public interface AuditEventRepository {

    /** The chain head, locked until the current transaction ends, so appends are strictly ordered. */
    AuditChainHead lockHead();

    /** The chain head as committed, without a lock (for verification). */
    AuditChainHead readHead();

    void store(AuditEvent event);

    /** Inserts many events at once, in the current transaction (one batched statement, not one per entity). */
    void storeAll(List<AuditEvent> events);

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

    /** The delivery position of a SIEM sink, locked for this transaction (created at 0 on first use). */
    SiemDelivery lockDelivery(String sink);

    Optional<SiemDelivery> findDelivery(String sink);

    /** Events with one of {@code actions} in {@code [from, to)} after {@code afterSequence}, in sequence order. */
    List<AuditEvent> findActions(java.time.Instant from, java.time.Instant to, java.util.Collection<String> actions,
            long afterSequence, int limit);

    /**
     * Events about one ticket (its reads, its comments' reads, and searches that listed it): the newest
     * {@code limit} of them, returned oldest first.
     */
    List<AuditEvent> findAboutTicket(long ticketId, int limit);

    /** One actor's events in {@code [from, to]} (uses the actor/time index), oldest first. */
    List<AuditEvent> findByActor(String actor, java.time.Instant from, java.time.Instant to, int limit);

    void store(Alert alert);

    List<Alert> recentAlerts(int limit);

    Optional<Alert> latestAlert(String rule, String actor);
}
