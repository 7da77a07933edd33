package org.custodian.application.auth;

import jakarta.ejb.ApplicationException;

/** Sign-in refused because of recent failures for this username or from this source address. */
@ApplicationException(rollback = false)
public class TooManyAttemptsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        this(retryAfterSeconds, "too many failed sign-in attempts for this username; try again in " + retryAfterSeconds
                + " s");
    }

    public TooManyAttemptsException(long retryAfterSeconds, String message) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }
}
