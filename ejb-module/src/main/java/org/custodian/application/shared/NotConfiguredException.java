package org.custodian.application.shared;

import jakarta.ejb.ApplicationException;

/** A feature the request needs is switched off or lacks configuration (e.g. no checkpoint signing key): 503. */
@ApplicationException(rollback = true)
public class NotConfiguredException extends RuntimeException {

    public NotConfiguredException(String message) {
        super(message);
    }
}
