package org.custodian.domain.model.pii;

/** Kinds of sensitive data the {@link PiiDetector} reports. */
public enum PiiType {
    CREDIT_CARD,
    US_SSN,
    IBAN,
    EMAIL,
    PHONE,
    SECRET
}
