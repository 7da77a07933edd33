package org.custodian.domain.model.policy;

/** How sensitive a field is; the visibility matrix maps each role and classification to what is shown. */
public enum Classification {
    /** May be shown to anyone signed in. */
    PUBLIC,
    /** Operational data about the help desk's own work (status, category, times). */
    INTERNAL,
    /** Personal data. */
    CONFIDENTIAL,
    /** Payment data, special-category data, government identifiers, secrets. */
    RESTRICTED;

    public boolean isPersonal() {
        return this == CONFIDENTIAL || this == RESTRICTED;
    }
}
