package org.custodian.application.auth;

/** The OAuth-style answer to a successful sign-in. */
public record AccessToken(String accessToken, String tokenType, long expiresIn) {
}
