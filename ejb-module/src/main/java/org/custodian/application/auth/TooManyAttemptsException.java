package org.custodian.application.auth;

import jakarta.ejb.ApplicationException;

/** Sign-in refused because of recent failures for this username. */
@ApplicationException(rollback = false)
public class TooManyAttemptsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        super("too many failed sign-in attempts for this username; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }
}
