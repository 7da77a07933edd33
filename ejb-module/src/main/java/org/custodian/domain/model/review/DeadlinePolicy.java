package org.custodian.domain.model.review;

import java.util.Locale;

/** What becomes of an item nobody decided by the deadline. */
public enum DeadlinePolicy {
    /** The access is revoked, as if its reviewer had said so. */
    REVOKE,
    /** The privacy officers are told; the access stays until someone decides. */
    ESCALATE;

    /** From "revoke" or "escalate" (any case); null for anything else. */
    public static DeadlinePolicy parse(String text) {
        if (text == null) {
            return null;
        }
        for (DeadlinePolicy policy : values()) {
            if (policy.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return policy;
            }
        }
        return null;
    }
}
