package org.custodian.application.auth;

import jakarta.ejb.ApplicationException;
import org.custodian.application.shared.AccessDeniedException;

/**
 * Password sign-in is turned off ({@code custodian.auth.password-sign-in=false}) and the user is not one of the
 * exempt ({@code custodian.auth.password-sign-in-exempt}): a 403, before any password check.
 */
@ApplicationException(rollback = false)
public class PasswordSignInDisabledException extends AccessDeniedException {

    public PasswordSignInDisabledException() {
        super("sign-in with a password is turned off here (CUSTODIAN_AUTH_PASSWORD_SIGN_IN=false): sign in through"
                + " the organization's identity provider; an API client sends that provider's access token");
    }
}
