package org.custodian.domain.model.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One risk a DPIA version assesses: what could happen, how likely, how severe, and the measures against it. */
@Embeddable
public class DpiaRisk {

    @Column(nullable = false, length = 1000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private RiskLevel likelihood;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private RiskLevel severity;

    @Column(nullable = false, length = 2000)
    private String measures;

    protected DpiaRisk() {
    }

    /** Checked by {@link DpiaVersion}, which knows the risk's position for the field names of violations. */
    public DpiaRisk(String description, RiskLevel likelihood, RiskLevel severity, String measures) {
        this.description = description == null ? null : description.trim();
        this.likelihood = likelihood;
        this.severity = severity;
        this.measures = measures == null ? null : measures.trim();
    }

    public String getDescription() {
        return description;
    }

    public RiskLevel getLikelihood() {
        return likelihood;
    }

    public RiskLevel getSeverity() {
        return severity;
    }

    public String getMeasures() {
        return measures;
    }

    /** The inherent level, before the measures. */
    public RiskLevel level() {
        return RiskLevel.of(likelihood, severity);
    }
}
