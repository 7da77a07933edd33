package org.custodian.application.identity;

import jakarta.ejb.ApplicationException;

/** A bearer token that proves nothing here: bad signature, untrusted issuer, wrong audience, expired, revoked. A 401. */
@ApplicationException(rollback = true)
public class TokenRejectedException extends RuntimeException {

    public TokenRejectedException(String message) {
        super(message);
    }
}
