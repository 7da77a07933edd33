package org.custodian.application.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.custodian.domain.shared.RuleCheck;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private static boolean refused(String password, String username) {
        RuleCheck check = new RuleCheck();
        PasswordRules.check(password, username, check);
        return check.hasViolations();
    }

    @Test
    void longEnoughAndNotTheUsername() {
        assertFalse(refused("correct horse battery", "jane.doe"));
        assertTrue(refused("short", "jane.doe"), "under 12 characters");
        assertTrue(refused(" ".repeat(20), "jane.doe"), "only spaces");
        assertTrue(refused("my-JANE.DOE-password", "jane.doe"), "contains the username");
        assertTrue(refused("x".repeat(1025), "jane.doe"), "over the sign-in request's limit");
        assertTrue(refused(null, "jane.doe"));
    }
}
