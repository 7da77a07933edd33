package org.custodian.application.auth;

import jakarta.ejb.ApplicationException;

/**
 * Too many password checks are running at once: the request is refused rather than queued (answered 429 with
 * Retry-After). Nothing was checked, so nothing is counted against the username or the source.
 */
@ApplicationException(rollback = true)
public class SignInBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    public SignInBusyException(long retryAfterSeconds) {
        super("too many sign-ins are being checked right now; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }
}
