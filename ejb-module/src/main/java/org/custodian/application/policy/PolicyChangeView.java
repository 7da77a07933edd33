package org.custodian.application.policy;

import java.time.Instant;
import org.custodian.domain.model.policy.PolicyChange;

/** One step of the policy history: who changed what from which value to which, when and why. */
public record PolicyChangeView(String kind, String target, long version, String from, String to, String reason,
        String changedBy, Instant changedAt) implements java.io.Serializable {

    static PolicyChangeView of(PolicyChange change) {
        return new PolicyChangeView(change.getKind().name(), change.getTarget(), change.getVersion(),
                change.getOldValue(), change.getNewValue(), change.getReason(), change.getChangedBy(),
                change.getChangedAt());
    }
}
