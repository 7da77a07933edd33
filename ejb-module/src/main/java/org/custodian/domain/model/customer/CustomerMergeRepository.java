package org.custodian.domain.model.customer;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What merging two records of one person changes besides the records themselves, and how a merged record is found
 * again: a tombstone's id leads to its survivor, a survivor's to its tombstones.
 */
public interface CustomerMergeRepository {

    /**
     * The records and every record merged with them: each tombstone's survivor and every tombstone of each
     * survivor. What is decided about a person (erasure, restriction, a hold, their access package) covers all.
     */
    Set<Long> withMerged(Collection<Long> customerIds);

    /** Open (neither completed nor rejected) ERASURE requests about any of these records. */
    List<Long> openErasuresOf(Collection<Long> customerIds);

    /**
     * Moves what the duplicate owns to the survivor, in the caller's transaction: its tickets (their comments go
     * with them), the legal holds placed on it, and the duplicate's own tombstones (now pointing at the survivor);
     * the requests in the register that name it name the survivor too. Audit events are not touched; consent
     * statements are append-only and are copied by the merge service.
     */
    Moved move(long duplicateId, long survivorId);

    /** How many rows each kind of record had moved. */
    record Moved(int tickets, int comments, int requests, int holds, int tombstones) {
    }
}
