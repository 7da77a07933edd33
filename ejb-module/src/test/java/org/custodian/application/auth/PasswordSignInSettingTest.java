package org.custodian.application.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** CUSTODIAN_AUTH_PASSWORD_SIGN_IN=false admits only the exempt usernames (the break-glass administrators). */
class PasswordSignInSettingTest {

    @Test
    void onByDefaultOffExceptForTheExempt() {
        assertTrue(DefaultAuthenticationService.passwordAllowed("agent.eu", true, " "));
        assertFalse(DefaultAuthenticationService.passwordAllowed("agent.eu", false, " "));
        assertFalse(DefaultAuthenticationService.passwordAllowed("agent.eu", false, "admin, operator"));
        assertTrue(DefaultAuthenticationService.passwordAllowed("admin", false, "Admin, operator"));
        assertTrue(DefaultAuthenticationService.passwordAllowed("operator", false, "admin, operator"));
        assertFalse(DefaultAuthenticationService.passwordAllowed("", false, "admin,,"));
    }
}
