package org.custodian.domain.model.user;

/** Roles a user can hold; they travel as the JWT {@code groups} claim. */
public enum Role {
    AGENT, ENGINEER, SUPERVISOR, CONTRACTOR, OPERATOR, PRIVACY_OFFICER, AUDITOR
}
