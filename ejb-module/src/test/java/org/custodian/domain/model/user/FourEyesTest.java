package org.custodian.domain.model.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class FourEyesTest {

    @Test
    void guardedRolesWaitWhileOthersAreGivenAtOnce() {
        FourEyes.Split split = FourEyes.split(EnumSet.of(Role.AGENT),
                EnumSet.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR, Role.PRIVACY_OFFICER, Role.USER_ADMIN));
        assertEquals(EnumSet.of(Role.ENGINEER), split.granted());
        assertEquals(EnumSet.of(Role.SUPERVISOR, Role.PRIVACY_OFFICER, Role.USER_ADMIN), split.pending());
        assertEquals(EnumSet.noneOf(Role.class), split.removed());
        assertEquals(EnumSet.of(Role.AGENT, Role.ENGINEER), split.result(), "no guarded role without approval");
    }

    @Test
    void removalsTakeEffectAtOnceEvenOfGuardedRoles() {
        FourEyes.Split split = FourEyes.split(EnumSet.of(Role.SUPERVISOR, Role.AGENT), EnumSet.of(Role.AGENT));
        assertEquals(EnumSet.of(Role.SUPERVISOR), split.removed());
        assertEquals(EnumSet.of(Role.AGENT), split.result());
        assertEquals(EnumSet.noneOf(Role.class), split.pending());
    }

    @Test
    void aGuardedRoleHeldAlreadyNeedsNoNewApproval() {
        FourEyes.Split split = FourEyes.split(EnumSet.of(Role.SUPERVISOR), EnumSet.of(Role.SUPERVISOR, Role.AGENT));
        assertEquals(EnumSet.noneOf(Role.class), split.pending());
        assertEquals(EnumSet.of(Role.SUPERVISOR, Role.AGENT), split.result());
    }

    @Test
    void theGuardedRolesAreThoseThatSeePersonalDataOrAdministerPeople() {
        assertEquals(EnumSet.of(Role.PRIVACY_OFFICER, Role.SUPERVISOR, Role.USER_ADMIN), FourEyes.GUARDED);
    }

    @Test
    void neitherTheRequesterNorTheSubjectMayDecide() {
        assertNotNull(FourEyes.refusal("ada", "ada", "bob"), "the requester");
        assertNotNull(FourEyes.refusal("bob", "ada", "bob"), "the subject");
        assertNull(FourEyes.refusal("privacy", "ada", "bob"), "a second person");
    }
}
