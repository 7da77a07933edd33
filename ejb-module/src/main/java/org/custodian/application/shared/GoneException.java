package org.custodian.application.shared;

import jakarta.ejb.ApplicationException;

/**
 * The resource existed but is gone for good (an expired download link): answered 410. Thrown before anything is
 * written but the refusal's audit event, which must commit, so the transaction is not rolled back.
 */
@ApplicationException(rollback = false)
public class GoneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GoneException(String message) {
        super(message);
    }
}
