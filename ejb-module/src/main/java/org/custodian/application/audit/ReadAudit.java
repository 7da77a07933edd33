package org.custodian.application.audit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.application.policy.Shown;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;

/**
 * Records what a read revealed, through the one {@link AuditService}: which fields (masked or not) under which
 * basis, and, for records of another region read without a transfer rule, a DENIED event naming the personal
 * fields that were withheld.
 */
public final class ReadAudit {

    private ReadAudit() {
    }

    public static void record(AuditService audit, Caller caller, String action, String resourceType,
            String resourceId, Collection<Shown> shown) {
        Set<String> entries = new LinkedHashSet<>();
        Set<String> withheld = new LinkedHashSet<>();
        for (Shown one : shown) {
            entries.addAll(one.auditEntries());
            withheld.addAll(one.withheldPersonal());
        }
        audit.recordRead(caller, action, resourceType, resourceId, entries.isEmpty() ? null : entries,
                AuditOutcome.SUCCESS);
        if (!withheld.isEmpty()) {
            String bases = shown.stream().filter(one -> !one.withheldPersonal().isEmpty())
                    .map(one -> one.decision().basisEntry()).distinct().collect(Collectors.joining(","));
            Set<String> denied = new LinkedHashSet<>(withheld);
            denied.add(bases);
            audit.recordRead(caller, AuditActions.PERSONAL_DATA_WITHHELD, resourceType, resourceId, denied,
                    AuditOutcome.DENIED);
        }
    }

    public static void record(AuditService audit, Caller caller, String action, String resourceType,
            String resourceId, Shown shown) {
        record(audit, caller, action, resourceType, resourceId, List.of(shown));
    }
}
