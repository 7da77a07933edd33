package org.custodian.domain.model.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.custodian.domain.shared.RuleCheck;
import org.junit.jupiter.api.Test;

class UserRulesTest {

    private static List<FieldViolation> violations(Consumer<RuleCheck> rule) {
        RuleCheck check = new RuleCheck();
        rule.accept(check);
        try {
            check.throwIfAny();
            return List.of();
        } catch (DomainRuleViolationException e) {
            return e.getViolations();
        }
    }

    @Test
    void usernamesAreLowerCaseNamesThatSignInFinds() {
        for (String good : List.of("agent.eu", "jane.doe", "j_d-2", "ab", "jane@example.com")) {
            assertEquals(List.of(), violations(check -> UserRules.username(good, check)), good);
        }
        for (String bad : List.of("Jane", "a", ".jane", "@jane", "jane doe", "jane+x@example.com", "x".repeat(65), "")) {
            List<FieldViolation> found = violations(check -> UserRules.username(bad, check));
            assertEquals(1, found.size(), bad);
            assertEquals("username", found.get(0).field());
            assertTrue(found.get(0).message().contains("lower-case letters"), "says what is right");
        }
        assertEquals(1, violations(check -> UserRules.username(null, check)).size());
    }

    @Test
    void eMailAddressesNeedOneAtAndADottedDomain() {
        assertEquals(List.of(), violations(check -> UserRules.email("jane.doe@example.com", check)));
        for (String bad : List.of("jane", "jane@", "jane@example", "a b@example.com", "a@b@example.com",
                "x".repeat(250) + "@example.com")) {
            List<FieldViolation> found = violations(check -> UserRules.email(bad, check));
            assertEquals("email", found.get(0).field(), bad);
            assertTrue(found.get(0).message().contains("jane.doe@example.com"), "gives an example");
        }
    }

    @Test
    void timeZonesAreIanaIdsNotOffsets() {
        for (String good : List.of("Europe/Berlin", "America/New_York", "UTC", "Asia/Tokyo")) {
            assertEquals(List.of(), violations(check -> UserRules.timeZone(good, check)), good);
        }
        for (String bad : List.of("+02:00", "Europe/Atlantis", "CEST", "")) {
            List<FieldViolation> found = violations(check -> UserRules.timeZone(bad, check));
            assertEquals(1, found.size(), bad);
            assertTrue(found.get(0).message().contains("IANA"));
        }
    }

    @Test
    void localesAreThePortalsLanguages() {
        assertEquals(List.of(), violations(check -> UserRules.locale("de", check)));
        assertTrue(violations(check -> UserRules.locale("fr", check)).get(0).message().contains("[en, de]"));
    }

    @Test
    void unknownRolesAndRegionsAreNamedWithTheKnownOnes() {
        RuleCheck check = new RuleCheck();
        assertEquals(EnumSet.of(Role.AGENT, Role.SUPERVISOR),
                UserRules.roles(List.of("AGENT", "supervisor"), check));
        assertFalse(check.hasViolations());
        List<FieldViolation> roles = violations(c -> UserRules.roles(List.of("AGENT", "WIZARD", "ROOT"), c));
        assertEquals("roles", roles.get(0).field());
        assertTrue(roles.get(0).message().contains("[WIZARD, ROOT]"), roles.get(0).message());
        assertTrue(roles.get(0).message().contains("USER_ADMIN"), "lists the known roles");

        assertEquals(EnumSet.of(Region.EU), UserRules.regions(List.of("eu"), new RuleCheck()));
        List<FieldViolation> regions = violations(c -> UserRules.regions(List.of("EU", "MARS"), c));
        assertEquals("regions", regions.get(0).field());
        assertTrue(regions.get(0).message().contains("[MARS]"));
    }
}
