package org.custodian.application.auth;

/** A second factor waiting for its first code: the secret as base32 and the key URI for the QR code. */
public record Enrollment(String secret, String keyUri) {
}
