package org.custodian.interfaces.rest.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Credentials for a token. A class, not a record: Payara's OpenAPI scanner fails on constrained record components. */
public class TokenRequest {

    @NotBlank(message = "is required")
    @Size(max = 64, message = "must be at most 64 characters")
    private String username;

    @NotBlank(message = "is required")
    @Size(max = 1024, message = "must be at most 1024 characters")
    private String password;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
