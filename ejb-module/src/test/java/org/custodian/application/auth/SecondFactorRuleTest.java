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
    private static final SecondFactorRule REQUIRED = new SecondFactorRule(NEEDING, "required");

    @Test
    void tokensForRolesThatNeedASecondFactorNeedAnEnrolledOneUnlessConfiguredOtherwise() {
        assertTrue(REQUIRED.apiNeedsSecondFactor(EnumSet.of(Role.OPERATOR)));
        assertTrue(REQUIRED.apiNeedsSecondFactor(EnumSet.of(Role.AGENT, Role.AUDITOR)),
                "one such role is enough");
        assertFalse(REQUIRED.apiNeedsSecondFactor(EnumSet.of(Role.AGENT)));
        assertFalse(new SecondFactorRule(NEEDING, "when-enrolled")
                .apiNeedsSecondFactor(EnumSet.of(Role.OPERATOR)));
        assertTrue(new SecondFactorRule(NEEDING, "anything else").apiNeedsSecondFactor(EnumSet.of(Role.OPERATOR)),
                "an unknown mode is the strict one");
    }
}
