package org.custodian.domain.model.policy;

/** How a field is masked when a caller may see it only MASKED. */
public enum MaskStyle {
    /** {@code j***@example.com} */
    EMAIL,
    /** Every digit but the last two starred, separators kept. */
    PHONE,
    /** Initials only: {@code Jane Doe} becomes {@code J. D.} */
    NAME,
    /** Detected PII spans (cards, SSNs, IBANs, e-mails, phones, secrets) replaced, the rest kept. */
    FREE_TEXT,
    /** Only the last four characters kept: {@code ***-**-6789}-like. */
    IDENTIFIER,
    /** No meaningful partial form (numbers, times, codes): a masked field is left out. */
    NONE
}
