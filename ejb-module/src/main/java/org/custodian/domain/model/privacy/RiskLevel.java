package org.custodian.domain.model.privacy;

/** Likelihood, severity and the resulting level of a risk to the rights and freedoms of data subjects (Art. 35). */
public enum RiskLevel {
    LOW, MEDIUM, HIGH;

    /**
     * The level of a risk from its likelihood and severity, by the usual 3 x 3 matrix: the product of the ranks
     * (1 to 3) up to 2 is LOW, up to 4 MEDIUM, above HIGH (a HIGH severity that is not unlikely is HIGH).
     */
    public static RiskLevel of(RiskLevel likelihood, RiskLevel severity) {
        int score = (likelihood.ordinal() + 1) * (severity.ordinal() + 1);
        return score <= 2 ? LOW : score <= 4 ? MEDIUM : HIGH;
    }
}
