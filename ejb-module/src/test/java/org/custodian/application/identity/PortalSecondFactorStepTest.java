package org.custodian.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.custodian.application.auth.SecondFactorStep;
import org.junit.jupiter.api.Test;

/** After the IdP: its second factor counts as ours; without one, our TOTP step or enrollment as after a password. */
class PortalSecondFactorStepTest {

    @Test
    void theIdpsSecondFactorSatisfiesOursOtherwiseOurStepsFollow() {
        assertEquals(SecondFactorStep.NONE, DefaultIdentityProviderService.portalStep(true, true, true));
        assertEquals(SecondFactorStep.NONE, DefaultIdentityProviderService.portalStep(true, false, true));
        assertEquals(SecondFactorStep.VERIFY, DefaultIdentityProviderService.portalStep(false, true, false));
        assertEquals(SecondFactorStep.ENROLL, DefaultIdentityProviderService.portalStep(false, false, true));
        assertEquals(SecondFactorStep.NONE, DefaultIdentityProviderService.portalStep(false, false, false));
    }
}
