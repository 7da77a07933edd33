package org.custodian.application.policy;

import java.time.Instant;
import org.custodian.domain.model.policy.ClassificationEntry;

/** One catalog entry as the API shows it. */
public record ClassificationView(String field, String entity, String name, String classification, String maskStyle,
        long version, Instant changedAt, String changedBy) implements java.io.Serializable {

    static ClassificationView of(ClassificationEntry entry) {
        return new ClassificationView(entry.getFieldKey(), entry.getEntityName(), entry.getFieldName(),
                entry.getClassification().name(), entry.getMaskStyle().name(), entry.getVersion(),
                entry.getChangedAt(), entry.getChangedBy());
    }
}
