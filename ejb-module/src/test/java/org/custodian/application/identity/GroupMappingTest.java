package org.custodian.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class GroupMappingTest {

    private static final GroupMapping MAPPING = GroupMapping.parse(
            "custodian-agents-eu=AGENT+region:EU, custodian-privacy=PRIVACY_OFFICER,custodian-agents-us=AGENT+region:us");

    @Test
    void groupsGrantTheUnionOfTheirTargets() {
        GroupMapping.Grants grants = MAPPING.map(List.of("custodian-agents-eu", "custodian-agents-us", "unrelated"));
        assertEquals(Set.of(Role.AGENT), grants.roles());
        assertEquals(Set.of(Region.EU, Region.US), grants.regions());
        assertEquals(Set.of(Role.PRIVACY_OFFICER), MAPPING.map(List.of("custodian-privacy")).roles());
    }

    @Test
    void unnamedGroupsGrantNothing() {
        assertTrue(MAPPING.map(List.of("everyone", "CUSTODIAN-PRIVACY")).isEmpty(), "group names match exactly");
        assertTrue(GroupMapping.parse("").map(List.of("custodian-privacy")).isEmpty());
    }

    @Test
    void aGroupNamedTwiceGrantsBoth() {
        GroupMapping twice = GroupMapping.parse("admins=USER_ADMIN,admins=region:UK");
        assertEquals(Set.of(Role.USER_ADMIN), twice.map(List.of("admins")).roles());
        assertEquals(Set.of(Region.UK), twice.map(List.of("admins")).regions());
    }

    @Test
    void unknownTargetsAreRefusedNamingThem() {
        IllegalArgumentException role = assertThrows(IllegalArgumentException.class,
                () -> GroupMapping.parse("custodian-agents=AGENT+SUPERUSER"));
        assertTrue(role.getMessage().contains("'SUPERUSER'") && role.getMessage().contains("custodian-agents"),
                role.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GroupMapping.parse("a=agent"), "role names are exact");
        IllegalArgumentException region = assertThrows(IllegalArgumentException.class,
                () -> GroupMapping.parse("a=AGENT+region:MARS"));
        assertTrue(region.getMessage().contains("region:MARS"), region.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GroupMapping.parse("team:x=AGENT+team:blue"));
        assertThrows(IllegalArgumentException.class, () -> GroupMapping.parse("just-a-group"));
        assertThrows(IllegalArgumentException.class, () -> GroupMapping.parse("=AGENT"));
        assertThrows(IllegalArgumentException.class, () -> GroupMapping.parse("a="));
        assertThrows(IllegalArgumentException.class, () -> GroupMapping.parse("a=AGENT++region:EU"));
    }
}
