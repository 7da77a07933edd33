package org.custodian.application.identity;

import jakarta.ejb.ApplicationException;

/**
 * The identity provider's discovery document or keys could not be fetched, so its tokens cannot be checked now
 * (a 503). Our own tokens are not affected: their keys are local.
 */
@ApplicationException(rollback = true)
public class IdentityProviderUnavailableException extends RuntimeException {

    public IdentityProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
