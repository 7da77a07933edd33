package org.custodian.application.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.custodian.application.slo.SloRemit;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

/** Who sees which governance objectives is the policy's table: each role its remit, the auditor all. */
class GovernanceSloGrantsTest {

    private static Set<SloRemit> remitsOf(Role role) {
        Set<SloRemit> remits = EnumSet.noneOf(SloRemit.class);
        for (SloRemit remit : SloRemit.values()) {
            if (DefaultPolicyService.GRANTED_TO.get(remit.permission()).contains(role)) {
                remits.add(remit);
            }
        }
        return remits;
    }

    @Test
    void eachRoleHasItsRemit() {
        assertEquals(EnumSet.of(SloRemit.PRIVACY, SloRemit.ACCESS_REVIEW), remitsOf(Role.PRIVACY_OFFICER));
        assertEquals(EnumSet.of(SloRemit.BACKUP, SloRemit.AUDIT), remitsOf(Role.OPERATOR));
        assertEquals(EnumSet.of(SloRemit.SECURITY), remitsOf(Role.SUPERVISOR));
        assertEquals(EnumSet.allOf(SloRemit.class), remitsOf(Role.AUDITOR));
        for (Role none : EnumSet.of(Role.AGENT, Role.ENGINEER, Role.CONTRACTOR, Role.USER_ADMIN)) {
            assertEquals(EnumSet.noneOf(SloRemit.class), remitsOf(none), none.name());
        }
        assertEquals(EnumSet.of(Role.OPERATOR), DefaultPolicyService.GRANTED_TO.get(Permission.SLO_EVALUATE));
    }

    @Test
    void remitsAreParsedFromTheirWireNames() {
        assertEquals(SloRemit.ACCESS_REVIEW, SloRemit.parse("access-review").orElseThrow());
        assertEquals("access-review", SloRemit.ACCESS_REVIEW.wireName());
        assertEquals(SloRemit.BACKUP, SloRemit.parse(" Backup ").orElseThrow());
        assertEquals(true, SloRemit.parse("finance").isEmpty());
    }
}
