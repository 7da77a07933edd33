package org.custodian.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuthorizationCodeFlowTest {

    @Test
    void theChallengeIsRfc7636sS256() {
        // RFC 7636, appendix B
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                AuthorizationCodeFlow.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void stateNonceAndVerifierAreFreshAndOfTheAllowedAlphabet() {
        AuthorizationCodeFlow.Pending one = new AuthorizationCodeFlow().begin("http://localhost/oidc/callback", null);
        AuthorizationCodeFlow.Pending two = new AuthorizationCodeFlow().begin("http://localhost/oidc/callback", null);
        assertNotEquals(one.state(), two.state());
        assertNotEquals(one.nonce(), one.state());
        assertTrue(one.verifier().matches("[A-Za-z0-9._~-]{43,128}"), one.verifier());
    }
}
