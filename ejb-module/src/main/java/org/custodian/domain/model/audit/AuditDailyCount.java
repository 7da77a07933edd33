package org.custodian.domain.model.audit;

import java.time.LocalDate;

/** How many events of one kind a UTC day had, kept after the events themselves were pruned. */
public record AuditDailyCount(LocalDate day, String action, String outcome, String resourceType, String actorRoles,
        long events, long firstSequence, long lastSequence) {
}
