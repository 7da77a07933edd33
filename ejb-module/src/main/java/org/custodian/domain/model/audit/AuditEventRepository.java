package org.custodian.domain.model.audit;

import java.util.List;

public interface AuditEventRepository {

    /** The chain head, locked until the current transaction ends, so appends are strictly ordered. */
    AuditChainHead lockHead();

    /** The chain head as committed, without a lock (for verification). */
    AuditChainHead readHead();

    void store(AuditEvent event);

    /** Up to {@code limit} events after {@code afterSequence}, in sequence order. */
    List<AuditEvent> findAfter(long afterSequence, int limit);
}
