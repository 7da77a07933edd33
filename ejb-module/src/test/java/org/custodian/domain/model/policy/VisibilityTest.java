package org.custodian.domain.model.policy;

import static org.custodian.domain.model.policy.Visibility.FULL;
import static org.custodian.domain.model.policy.Visibility.HIDDEN;
import static org.custodian.domain.model.policy.Visibility.MASKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VisibilityTest {

    @Test
    void widestIsTheMoreRevealing() {
        assertEquals(FULL, Visibility.widest(FULL, HIDDEN));
        assertEquals(FULL, Visibility.widest(HIDDEN, FULL));
        assertEquals(FULL, Visibility.widest(MASKED, FULL));
        assertEquals(MASKED, Visibility.widest(MASKED, HIDDEN));
        assertEquals(MASKED, Visibility.widest(HIDDEN, MASKED));
        assertEquals(HIDDEN, Visibility.widest(HIDDEN, HIDDEN));
    }

    @Test
    void narrowestIsTheLessRevealing() {
        assertEquals(HIDDEN, Visibility.narrowest(FULL, HIDDEN));
        assertEquals(HIDDEN, Visibility.narrowest(HIDDEN, FULL));
        assertEquals(MASKED, Visibility.narrowest(FULL, MASKED));
        assertEquals(MASKED, Visibility.narrowest(MASKED, FULL));
        assertEquals(HIDDEN, Visibility.narrowest(MASKED, HIDDEN));
        assertEquals(FULL, Visibility.narrowest(FULL, FULL));
    }

    @Test
    void widestAndNarrowestAreCommutativeAndComplementary() {
        for (Visibility a : Visibility.values()) {
            for (Visibility b : Visibility.values()) {
                assertEquals(Visibility.widest(a, b), Visibility.widest(b, a));
                assertEquals(Visibility.narrowest(a, b), Visibility.narrowest(b, a));
                // one of the two is the widest, the other the narrowest
                assertEquals(a == b ? a : (Visibility.widest(a, b) == a ? b : a), Visibility.narrowest(a, b));
            }
        }
    }

    @Test
    void onlyConfidentialAndRestrictedArePersonal() {
        assertFalse(Classification.PUBLIC.isPersonal());
        assertFalse(Classification.INTERNAL.isPersonal());
        assertTrue(Classification.CONFIDENTIAL.isPersonal());
        assertTrue(Classification.RESTRICTED.isPersonal());
    }
}
