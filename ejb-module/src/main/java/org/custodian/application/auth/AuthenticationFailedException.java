package org.custodian.application.auth;

import jakarta.ejb.ApplicationException;

/** Wrong username or password: one answer for both. Commits, so the failure stays audited and counted. */
@ApplicationException(rollback = false)
public class AuthenticationFailedException extends RuntimeException {

    public AuthenticationFailedException() {
        super("username or password is wrong");
    }

    public AuthenticationFailedException(String message) {
        super(message);
    }
}
