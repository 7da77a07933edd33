package org.custodian.application.audit;

import java.util.Collection;
import java.util.List;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;

/**
 * The one writer of the audit trail. {@link #record} joins the caller's transaction: the event
 * commits with the operation or not at all, and a failed append fails the operation. It takes no
 * lock: the event is pending until the transaction commits, and is chained (sequence number,
 * hashes) right after the commit, before the committing thread goes on.
 */
public interface AuditService {

    void record(Caller caller, String action, String resourceType, String resourceId, Collection<String> fields,
            AuditOutcome outcome);

    /**
     * Records the event of a read that revealed data (or withheld it). Like {@link #record}, except that in a
     * request that waits for its events before it answers (the API), the event is held in memory until the
     * transaction commits and is then chained with those of concurrent requests, instead of being written as a
     * pending row: the read's transaction writes nothing. The request answers only once the event is in the trail,
     * and not with the data if it could not be (see {@code SequenceAfterCommit}). Elsewhere (jobs, pages), and in a
     * transaction that also writes, it is exactly {@link #record}.
     */
    void recordRead(Caller caller, String action, String resourceType, String resourceId, Collection<String> fields,
            AuditOutcome outcome);

    /**
     * Records several events of one caller in the caller's transaction (a retention chunk's thousand skeletons):
     * the same events, in the given order, as as many {@link #record} calls, but chained at once, under the chain
     * head's lock held until the transaction ends. For batch chunks, not for requests.
     */
    void recordAll(Caller caller, List<Entry> entries);

    /** One event of {@link #recordAll}. */
    record Entry(String action, String resourceType, String resourceId, Collection<String> fields,
            AuditOutcome outcome) {
    }

    /**
     * Records an event in a transaction of its own, committed and chained before this returns. For
     * operations that run long after their event (an export streaming for minutes) whose event must be
     * in the trail whatever becomes of the operation.
     */
    void recordNow(Caller caller, String action, String resourceType, String resourceId, Collection<String> fields,
            AuditOutcome outcome);
}
