package org.custodian.application.backup;

import jakarta.ejb.ApplicationException;

/** An export that could not produce a complete set; the message says why and what would fix it. */
@ApplicationException
public class BackupFailedException extends RuntimeException {

    public BackupFailedException(String message) {
        super(message);
    }

    public BackupFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
