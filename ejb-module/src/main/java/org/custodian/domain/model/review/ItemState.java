package org.custodian.domain.model.review;

/** Where an item of a campaign stands. */
public enum ItemState {
    PENDING,
    KEPT,
    REVOKED,
    /** Not decided by the deadline under the escalate policy: the privacy officers were told; still decidable. */
    ESCALATED,
    /** Not decided when the campaign was closed. */
    UNREVIEWED;

    /** Whether a reviewer may still decide it. */
    public boolean isOpen() {
        return this == PENDING || this == ESCALATED;
    }
}
