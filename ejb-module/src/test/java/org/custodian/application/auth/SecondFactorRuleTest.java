package org.custodian.application.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class SecondFactorRuleTest {

    private static final Set<Role> NEEDING = EnumSet.of(Role.SUPERVISOR, Role.OPERATOR, Role.PRIVACY_OFFICER,
            Role.AUDITOR);

    @Test
    void tokensForRolesThatNeedASecondFactorNeedAnEnrolledOneUnlessConfiguredOtherwise() {
        assertTrue(DefaultAuthenticationService.apiNeedsSecondFactor(EnumSet.of(Role.OPERATOR), NEEDING, "required"));
        assertTrue(DefaultAuthenticationService.apiNeedsSecondFactor(EnumSet.of(Role.AGENT, Role.AUDITOR), NEEDING,
                "required"), "one such role is enough");
        assertFalse(DefaultAuthenticationService.apiNeedsSecondFactor(EnumSet.of(Role.AGENT), NEEDING, "required"));
        assertFalse(DefaultAuthenticationService.apiNeedsSecondFactor(EnumSet.of(Role.OPERATOR), NEEDING,
                "when-enrolled"));
        assertTrue(DefaultAuthenticationService.apiNeedsSecondFactor(EnumSet.of(Role.OPERATOR), NEEDING, "anything else"),
                "an unknown mode is the strict one");
    }
}
