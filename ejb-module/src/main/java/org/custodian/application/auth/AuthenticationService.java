package org.custodian.application.auth;

public interface AuthenticationService {

    /**
     * Checks the credentials and issues a token. Wrong password and unknown user fail alike
     * ({@link AuthenticationFailedException}); repeated failures are throttled
     * ({@link TooManyAttemptsException}). Success and failure are both audited.
     */
    AccessToken signIn(String username, char[] password, String requestId, String clientAddress);
}
