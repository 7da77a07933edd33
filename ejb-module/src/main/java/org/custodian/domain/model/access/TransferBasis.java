package org.custodian.domain.model.access;

/** The legal ground on which personal data may be read from another region (GDPR chapter V terms). */
public enum TransferBasis {
    /** An adequacy decision covers the destination. */
    ADEQUACY,
    /** Standard contractual clauses. */
    SCC,
    /** Binding corporate rules. */
    BCR,
    /** The data subject's explicit consent. */
    EXPLICIT_CONSENT,
    /** A specific-situation derogation (Art. 49). */
    DEROGATION
}
