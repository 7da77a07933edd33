package org.custodian.application.identity;

import jakarta.ejb.ApplicationException;
import org.custodian.application.shared.AccessDeniedException;

/**
 * A valid identity-provider token for a user who must show a second factor, whose {@code acr}/{@code amr} show
 * none: a 403 asking (RFC 9470) for a sign-in at the IdP with a stronger method.
 */
@ApplicationException(rollback = false)
public class SecondFactorMissingException extends AccessDeniedException {

    public SecondFactorMissingException(String message) {
        super(message);
    }
}
