package org.custodian.application.shared;

import jakarta.ejb.ApplicationException;

/** The request clashes with the current state (a duplicate key, a job already running). */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
