package org.custodian.domain.model.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.junit.jupiter.api.Test;

class TeamTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    @Test
    void aKeyIsAShortLowerCaseSlug() {
        for (String good : List.of("eu-network", "us", "a1", "x".repeat(40))) {
            assertEquals(good, new Team(good, "Name", Region.EU, T0).getKey());
        }
        for (String bad : List.of("EU-Network", "-eu", "eu-", "e", "eu network", "eu/net", "x".repeat(41), "")) {
            DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                    () -> new Team(bad, "Name", Region.EU, T0), bad);
            assertEquals(List.of("key"), e.getViolations().stream().map(FieldViolation::field).toList(), bad);
        }
    }

    @Test
    void nameAndRegionAreRequired() {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new Team(null, " ", null, T0));
        assertEquals(List.of("key", "name", "region"), e.getViolations().stream().map(FieldViolation::field).toList());
    }

    @Test
    void membersAreAddedOnceAndChangesMoveTheChangeTime() {
        Team team = new Team("eu-network", " EU Network ", Region.EU, T0);
        assertEquals("EU Network", team.getName());
        assertTrue(team.add("eva", T1));
        assertFalse(team.add("eva", T1.plusSeconds(5)), "a second add changes nothing");
        assertTrue(team.add("erin", T1));
        assertEquals(List.of("erin", "eva"), List.copyOf(team.getMembers()), "in alphabetical order");
        assertEquals(T1, team.getChangedAt());
        assertEquals(T0, team.getCreatedAt());
        assertFalse(team.remove("nobody", T1.plusSeconds(9)));
        assertTrue(team.remove("eva", T1));
        assertEquals(Set.of("erin"), team.getMembers());
        assertFalse(team.rename("EU Network", T1.plusSeconds(9)), "the same name is no change");
        assertTrue(team.rename("EU Network Ops", T1));
        assertFalse(team.moveTo(Region.EU, T1.plusSeconds(9)));
        assertTrue(team.moveTo(Region.UK, T1));
        assertEquals(Region.UK, team.getRegion());
        assertEquals(T1, team.getChangedAt());
    }
}
