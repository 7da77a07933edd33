package org.custodian.domain.model.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The trail's events and its chain head: recording and chaining, and the reads that verification, proofs, the
 * export, SIEM delivery, anomaly detection and reports make of them.
 */
public interface AuditEventRepository {

    /** The chain head, locked until the current transaction ends: no event is chained meanwhile (checkpoints). */
    AuditChainHead lockHead();

    /** The chain head as committed, without a lock (for verification). */
    AuditChainHead readHead();

    /**
     * Records events as pending in the current transaction, without any lock: they commit or roll back with it, and
     * {@link #sequencePending} chains them after the commit.
     */
    void enqueue(List<AuditRecord> records, Instant at);

    /**
     * Chains events straight away in the current transaction, holding the head's lock until it ends: the bulk path
     * of a batch chunk, not for requests.
     */
    void appendNow(List<AuditRecord> records, Instant at);

    /**
     * Chains up to {@code limit} committed pending events into the trail in the current transaction, under the
     * head's lock, and returns how many (0: nothing was pending, nothing was written).
     */
    int sequencePending(int limit);

    /**
     * {@link #sequencePending(int)}, then chains {@code held} after those rows in the same transaction: events of
     * committed reads kept in memory until now, whose requests wait for this commit before they answer. Returns how
     * many pending rows were chained (the held events always are).
     */
    int sequencePending(int limit, List<PendingAuditRecord> held);

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

    /** Events with one of {@code actions} in {@code [from, to)} after {@code afterSequence}, in sequence order. */
    List<AuditEvent> findActions(Instant from, Instant to, Collection<String> actions, long afterSequence, int limit);

    /**
     * Events about one ticket (its reads, its comments' reads, and searches that listed it): the newest
     * {@code limit} of them, returned oldest first.
     */
    List<AuditEvent> findAboutTicket(long ticketId, int limit);

    /**
     * The successful changes of one ticket and its comments ({@code actions}, resource TICKET {@code "42"} or
     * COMMENT {@code "42/7"}): the newest {@code limit}, oldest first (the ticket's activity history).
     */
    List<AuditEvent> findChangesOfTicket(long ticketId, Collection<String> actions, int limit);

    /** Events about one user account (its administration, sign-ins, revocations), oldest first, the newest {@code limit}. */
    List<AuditEvent> findAboutUser(String username, int limit);

    /** Events about one customer record (reads, changes, consent, privacy steps), oldest first, the newest {@code limit}. */
    List<AuditEvent> findAboutCustomer(long customerId, int limit);

    /** One actor's events in {@code [from, to]} (uses the actor/time index), oldest first. */
    List<AuditEvent> findByActor(String actor, Instant from, Instant to, int limit);

    /** Events of callers who were not verified (no roles: sign-in attempts) from one client address, oldest first. */
    List<AuditEvent> findUnverifiedBySource(String clientAddress, Instant from, Instant to, int limit);
}
