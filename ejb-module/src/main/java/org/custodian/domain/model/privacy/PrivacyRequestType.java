package org.custodian.domain.model.privacy;

/** The data subject's right the request exercises. */
public enum PrivacyRequestType {
    /** Art. 15. */
    ACCESS,
    /** Art. 20. */
    PORTABILITY,
    /** Art. 16. */
    RECTIFICATION,
    /** Art. 17; a legal hold on the subject's data blocks it. */
    ERASURE,
    /** Art. 18. */
    RESTRICTION,
    /** Art. 21; names the consent purposes the subject objects to, which stop for them once carried out. */
    OBJECTION
}
