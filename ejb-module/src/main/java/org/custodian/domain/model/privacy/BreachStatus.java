package org.custodian.domain.model.privacy;

/** Where a breach stands towards the supervisory authority (Art. 33). */
public enum BreachStatus {
    /** Not decided yet: the 72-hour clock runs. */
    OPEN,
    /** The authority was notified (when, under which reference; reasons if late). */
    NOTIFIED,
    /** Decided not to notify: unlikely to result in a risk to the subjects' rights and freedoms (with the reason). */
    NOT_NOTIFIED
}
