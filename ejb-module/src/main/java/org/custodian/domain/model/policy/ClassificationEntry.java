package org.custodian.domain.model.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** The classification of one field ({@code entity.field}), with the version it is at. */
@Entity
@Table(name = "classification_entry")
@NamedQuery(name = "ClassificationEntry.findAll",
        query = "SELECT c FROM ClassificationEntry c ORDER BY c.fieldKey")
public class ClassificationEntry extends VersionedSetting {

    @Id
    @Column(name = "field_key", length = 80)
    private String fieldKey;

    @Column(name = "entity_name", nullable = false, length = 32)
    private String entityName;

    @Column(name = "field_name", nullable = false, length = 48)
    private String fieldName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Classification classification;

    @Enumerated(EnumType.STRING)
    @Column(name = "mask_style", nullable = false, length = 16)
    private MaskStyle maskStyle;

    protected ClassificationEntry() {
        // for JPA
    }

    /**
     * Moves the field to {@code target}; returns the history record, or null when nothing changes (a PUT of the
     * current value is not a new version).
     */
    public PolicyChange reclassify(Classification target, String reason, String actor, Instant now) {
        PolicyChange change = nextVersion(PolicyChange.Kind.CLASSIFICATION, fieldKey, classification, target, reason,
                actor, now);
        if (change != null) {
            classification = target;
        }
        return change;
    }

    public String getFieldKey() {
        return fieldKey;
    }

    public String getEntityName() {
        return entityName;
    }

    public String getFieldName() {
        return fieldName;
    }

    public Classification getClassification() {
        return classification;
    }

    public MaskStyle getMaskStyle() {
        return maskStyle;
    }
}
