package org.custodian.application.shared;

import jakarta.ejb.ApplicationException;

/**
 * Content of a type this installation does not accept, or whose bytes are not of the type it claims: answered 415;
 * nothing of it is kept.
 */
@ApplicationException(rollback = true)
public class UnsupportedContentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedContentException(String message) {
        super(message);
    }
}
