package org.custodian.domain.model.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface AuditEventRepository {

    /** The chain head, locked until the current transaction ends: no event is chained meanwhile (checkpoints). */
    AuditChainHead lockHead();

    /** The chain head as committed, without a lock (for verification). */
    AuditChainHead readHead();

    /**
     * Records events as pending in the current transaction, without any lock: they commit or roll back with it, and
     * {@link #sequencePending} chains them after the commit.
     */
    void enqueue(List<AuditRecord> records, java.time.Instant at);

    /**
     * Chains events straight away in the current transaction, holding the head's lock until it ends: the bulk path
     * of a batch chunk, not for requests.
     */
    void appendNow(List<AuditRecord> records, java.time.Instant at);

    /**
     * Chains up to {@code limit} committed pending events into the trail in the current transaction, under the
     * head's lock, and returns how many (0: nothing was pending, nothing was written).
     */
    int sequencePending(int limit);

    /** Committed events not chained yet. */
    long pendingCount();

    /** Up to {@code limit} events after {@code afterSequence}, in sequence order. */
    List<AuditEvent> findAfter(long afterSequence, int limit);

    /**
     * The events with {@code afterSequence < sequence <= upToSequence}, in sequence order, as verification reads
     * them: stored hashes as read and digests computed from the stored columns (on the calling thread, so that
     * pages read in parallel are hashed in parallel).
     */
    List<StoredLink> readLinks(long afterSequence, long upToSequence);

    /** The stored leaf hashes of sequences {@code after + 1} to {@code treeSize}, in order (for proofs). */
    List<byte[]> leafHashes(long after, long treeSize);

    /** The stored chain hashes of those of {@code sequences} that are stored, by sequence. */
    Map<Long, String> chainHashesAt(List<Long> sequences);

    /** Where the trail was last pruned, if it ever was: verification and proofs start there. */
    Optional<AuditPrunePoint> latestPrunePoint();

    /** Serializes prunings: locks the pruning guard row until the current transaction ends. */
    void lockPruning();

    /** Whether an AUDIT_PRUNE event after the pruning point announces it (the trail records every pruning). */
    boolean announced(AuditPrunePoint point);

    /** Every pruning so far, the latest first. */
    List<AuditPrunePoint> prunePoints();

    /**
     * Adds {@code counts} (the daily counts of events {@code after + 1} to {@code upTo}) to the aggregates, removes
     * those events and stores the pruning point, in the current transaction. Returns how many events were removed.
     */
    long prune(long after, long upTo, AuditPrunePoint point, List<AuditDailyCount> counts);

    /** Daily counts of pruned events on days in {@code [from, to]}, oldest first. */
    List<AuditDailyCount> dailyCounts(java.time.LocalDate from, java.time.LocalDate to);

    /** Removes the daily counts of days before {@code day}; returns how many rows. */
    int dropDailyCountsBefore(java.time.LocalDate day);

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

    /** Events about one customer record (reads, changes, consent, privacy steps), oldest first, the newest {@code limit}. */
    List<AuditEvent> findAboutCustomer(long customerId, int limit);

    /** One actor's events in {@code [from, to]} (uses the actor/time index), oldest first. */
    List<AuditEvent> findByActor(String actor, java.time.Instant from, java.time.Instant to, int limit);

    void store(Alert alert);

    List<Alert> recentAlerts(int limit);

    Optional<Alert> latestAlert(String rule, String actor);
}
