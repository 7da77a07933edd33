package org.custodian.domain.model.policy;

/** What a caller gets of a field. */
public enum Visibility {
    /** The stored value. */
    FULL,
    /**
     * Shown MASKED, and the caller may reveal single fields of one record in full for a few minutes, with a reason
     * that is audited (#23: just-in-time access, e.g. an agent's call back). Between MASKED and FULL.
     */
    REVEALABLE,
    /** A type-aware masked form; a field with no meaningful partial form is left out instead. */
    MASKED,
    /** Absent from the output altogether. */
    HIDDEN;

    /** The more revealing of the two (a caller with several roles gets the widest view any of them has). */
    public static Visibility widest(Visibility a, Visibility b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    /** The less revealing of the two (used for caps, e.g. RESTRICTED never beyond MASKED under break-glass). */
    public static Visibility narrowest(Visibility a, Visibility b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
