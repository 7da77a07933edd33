package org.custodian.application.audit;

import java.util.ArrayList;
import java.util.List;
import org.custodian.domain.model.audit.PendingAuditRecord;

/**
 * What one transaction recorded, kept as its resource: the events of reads held in memory until the commit hands
 * them to the drain, and whether it wrote pending rows. Once it has, its reads are written as pending rows too, so
 * that the transaction's events keep their order in the trail.
 */
final class TransactionEvents {

    private final List<PendingAuditRecord> held = new ArrayList<>(2);
    private boolean writesPending;

    List<PendingAuditRecord> held() {
        return held;
    }

    boolean writesPending() {
        return writesPending;
    }

    /** From now on this transaction's events are pending rows; returns the held ones to write first, in order. */
    List<PendingAuditRecord> switchToPending() {
        writesPending = true;
        List<PendingAuditRecord> earlier = List.copyOf(held);
        held.clear();
        return earlier;
    }
}
