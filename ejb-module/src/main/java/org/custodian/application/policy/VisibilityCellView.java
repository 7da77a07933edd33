package org.custodian.application.policy;

import java.time.Instant;
import org.custodian.domain.model.policy.VisibilityRule;

/** One cell of the visibility matrix as the API shows it. */
public record VisibilityCellView(String role, String classification, String visibility, long version,
        Instant changedAt, String changedBy) implements java.io.Serializable {

    static VisibilityCellView of(VisibilityRule rule) {
        return new VisibilityCellView(rule.getRole().name(), rule.getClassification().name(),
                rule.getVisibility().name(), rule.getVersion(), rule.getChangedAt(), rule.getChangedBy());
    }
}
