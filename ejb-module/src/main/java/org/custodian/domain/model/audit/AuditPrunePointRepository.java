package org.custodian.domain.model.audit;

import java.util.List;
import java.util.Optional;

/** Where the trail was pruned, and the pruning itself: events removed up to a point, their daily counts kept. */
public interface AuditPrunePointRepository {

    /** Where the trail was last pruned, if it ever was: verification and proofs start there. */
    Optional<AuditPrunePoint> latest();

    /** Every pruning so far, the latest first. */
    List<AuditPrunePoint> all();

    /** Serializes prunings: locks the pruning guard row until the current transaction ends. */
    void lockPruning();

    /** Whether an AUDIT_PRUNE event after the pruning point announces it (the trail records every pruning). */
    boolean announced(AuditPrunePoint point);

    /**
     * Adds {@code counts} (the daily counts of events {@code after + 1} to {@code upTo}) to the aggregates, removes
     * those events and stores the pruning point, in the current transaction. Returns how many events were removed.
     */
    long prune(long after, long upTo, AuditPrunePoint point, List<AuditDailyCount> counts);
}
