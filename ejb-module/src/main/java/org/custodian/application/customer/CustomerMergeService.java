package org.custodian.application.customer;

import java.time.Instant;
import org.custodian.application.shared.Caller;

/**
 * Merging a duplicate customer record into the record of the same person (003 M3.4). Supervisors and privacy
 * officers, in both records' regions; the duplicate becomes a tombstone that points to the survivor.
 */
public interface CustomerMergeService {

    /**
     * Moves the duplicate's tickets (with their comments), subject requests and legal holds to {@code survivorId},
     * copies its consent statements there (they are append-only), keeps the most protective consent per purpose (a withdrawal beats a consent), carries
     * active restrictions over to both, and makes the duplicate a tombstone, in one transaction with the
     * CUSTOMER_MERGED audit events (one on each record, with the reason). Audit events are never rewritten.
     *
     * @throws org.custodian.domain.shared.DomainRuleViolationException no duplicate, itself, no reason (422)
     * @throws org.custodian.application.shared.ConflictException a tombstone, an erased record, or an open
     *         erasure request about either (409)
     */
    MergeView merge(Caller caller, long survivorId, Long duplicateId, String reason);

    /** Whether the caller may merge duplicates into this record (for the page: the section shows only then). */
    boolean mayMergeInto(Caller caller, long survivorId);

    /** What a merge did. */
    record MergeView(long survivorId, long duplicateId, Instant mergedAt, int tickets, int comments, int consents,
            int consentsWithdrawn, int requests, int holds, int restrictions, int tombstones) {
    }
}
