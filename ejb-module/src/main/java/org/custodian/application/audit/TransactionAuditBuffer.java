package org.custodian.application.audit;

import jakarta.transaction.Synchronization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditRecord;
import org.custodian.domain.model.audit.PendingAuditRecord;

/**
 * The events one transaction recorded, written as pending rows with one statement just before it commits (#24: a
 * mail taken records five events; one round trip instead of five). Registered as the transaction's interposed
 * synchronization, so it runs after the persistence provider has flushed and still inside the transaction: the
 * rows commit with the operation or not at all, and a failed write rolls the operation back. Each event keeps the
 * instant it was recorded at and its place in the order.
 */
final class TransactionAuditBuffer implements Synchronization {

    private final AuditEventRepository events;
    private final List<PendingAuditRecord> records = new ArrayList<>();
    private boolean written;

    TransactionAuditBuffer(AuditEventRepository events) {
        this.events = events;
    }

    /** Keeps the event for the commit; one recorded after the buffer was written (by a later hook) goes at once. */
    void add(AuditRecord record, Instant at) {
        PendingAuditRecord pending = new PendingAuditRecord(0, at, record);
        if (written) {
            events.enqueue(List.of(pending));
        } else {
            records.add(pending);
        }
    }

    @Override
    public void beforeCompletion() {
        written = true;
        if (!records.isEmpty()) {
            events.enqueue(List.copyOf(records));
            records.clear();
        }
    }

    @Override
    public void afterCompletion(int status) {
        records.clear();
    }
}
