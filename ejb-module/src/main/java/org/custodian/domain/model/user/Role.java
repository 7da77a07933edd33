package org.custodian.domain.model.user;

/** Roles a user can hold; they travel as the JWT {@code groups} claim. */
public enum Role {
    AGENT, ENGINEER, SUPERVISOR, CONTRACTOR, OPERATOR, PRIVACY_OFFICER, AUDITOR,
    /** Administers people: creates, changes, invites and disables users; sees no ticket or customer data. */
    USER_ADMIN
}
