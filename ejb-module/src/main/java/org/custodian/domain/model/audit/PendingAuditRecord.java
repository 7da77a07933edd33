package org.custodian.domain.model.audit;

import java.time.Instant;

/**
 * An event committed with its operation but not yet chained: {@code id} orders the pending events (a transaction's
 * events in the order it recorded them), {@code occurredAt} is when the operation recorded it.
 */
public record PendingAuditRecord(long id, Instant occurredAt, AuditRecord record) {
}
