package org.custodian.application.auth;

/** What a portal sign-in needs after the password. */
public enum SecondFactorStep {
    /** Nothing: the role needs no second factor and the user enrolled none. */
    NONE,
    /** A code from the enrolled authenticator, or a recovery code. */
    VERIFY,
    /** The role needs a second factor and none is enrolled yet: enroll one now. */
    ENROLL
}
