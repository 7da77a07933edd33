package org.custodian.interfaces.rest.auth;

import jakarta.json.bind.annotation.JsonbProperty;

/** RFC 6749 field names, as OAuth clients expect them. */
public record TokenResponse(@JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType, @JsonbProperty("expires_in") long expiresIn) {
}
