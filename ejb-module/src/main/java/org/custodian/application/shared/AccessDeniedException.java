package org.custodian.application.shared;

import jakarta.ejb.ApplicationException;

/**
 * Policy refused the caller. Does not roll back: the only write so far is the DENIED audit event,
 * and that must survive.
 */
@ApplicationException(rollback = false)
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
