package org.custodian.application.audit.proof;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditDailyCount;

/**
 * Retention of the audit trail itself: raw events are kept for {@code custodian.audit.raw-retention}, then summarized
 * into daily counts (kept for {@code custodian.audit.aggregate-retention}) and removed, but only up to a signed
 * checkpoint, so that what remains still verifies and still serves proofs.
 */
public interface AuditRetentionService {

    /**
     * Prunes the trail up to the largest signed checkpoint whose events are all older than {@code olderThan} (null:
     * now minus the raw retention; never later than that), that every configured SIEM sink has received and that a
     * complete backup holds (when backups are configured). The events are verified first; a broken trail is never
     * pruned. AUDIT_PRUNE permission.
     */
    PruneResult prune(Caller caller, Instant olderThan, String reason);

    /** The scheduled pruning at the configured retention (system caller). */
    PruneResult pruneScheduled();

    /** The policy and every pruning so far (AUDIT_VERIFY permission). */
    Retention retention(Caller caller);

    /** Daily counts of pruned events on days in {@code [from, to]} (AUDIT_VERIFY permission). */
    List<AuditDailyCount> dailyCounts(Caller caller, LocalDate from, LocalDate to);

    /** What a pruning did; {@code eventsRemoved} 0 with {@code note} saying why nothing could be pruned. */
    record PruneResult(long prunedTo, long previousPrunedTo, long eventsRemoved, String cutoff, String note) {
    }

    record PruneView(long treeSize, String chainHash, String rootHash, String prunedAt, String cutoff,
            long eventsRemoved, String requestedBy, String reason) {
    }

    record Retention(String rawRetention, String aggregateRetention, long prunedTo, List<PruneView> prunings) {
    }
}
