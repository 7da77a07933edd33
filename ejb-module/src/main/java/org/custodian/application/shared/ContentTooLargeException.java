package org.custodian.application.shared;

import jakarta.ejb.ApplicationException;

/** An upload over a configured size limit (per file, per ticket): answered 413; nothing of it is kept. */
@ApplicationException(rollback = true)
public class ContentTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ContentTooLargeException(String message) {
        super(message);
    }
}
