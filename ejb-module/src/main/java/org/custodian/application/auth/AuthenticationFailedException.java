package org.custodian.application.auth;

import jakarta.ejb.ApplicationException;

/**
 * Wrong username, password or one-time code: one answer for all three, so that a token request never tells a stranger
 * that the password was right. Commits, so the failure stays audited and counted.
 */
@ApplicationException(rollback = false)
public class AuthenticationFailedException extends RuntimeException {

    public AuthenticationFailedException() {
        super("the username, password or one-time code is wrong");
    }

    public AuthenticationFailedException(String message) {
        super(message);
    }
}
