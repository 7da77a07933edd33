package org.custodian.domain.model.privacy;

/** RECEIVED → VERIFIED → IN_PROGRESS → COMPLETED, or REJECTED; BLOCKED_BY_HOLD until the hold is released. */
public enum PrivacyRequestStatus {
    RECEIVED, VERIFIED, IN_PROGRESS, COMPLETED, REJECTED, BLOCKED_BY_HOLD;

    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED;
    }
}
