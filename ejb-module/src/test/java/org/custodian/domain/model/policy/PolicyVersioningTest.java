package org.custodian.domain.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class PolicyVersioningTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void reclassifyMovesTheFieldAndReturnsTheNextVersionStep() {
        ClassificationEntry entry = PolicyEntities.entry("customer.email", Classification.CONFIDENTIAL,
                MaskStyle.EMAIL, 1);

        PolicyChange change = entry.reclassify(Classification.RESTRICTED, "e-mail counts as special data here",
                "privacy", NOW);

        assertNotNull(change);
        assertEquals(PolicyChange.Kind.CLASSIFICATION, change.getKind());
        assertEquals("customer.email", change.getTarget());
        assertEquals(2, change.getVersion());
        assertEquals("CONFIDENTIAL", change.getOldValue());
        assertEquals("RESTRICTED", change.getNewValue());
        assertEquals("e-mail counts as special data here", change.getReason());
        assertEquals("privacy", change.getChangedBy());
        assertEquals(NOW, change.getChangedAt());
        assertNull(change.getId());

        assertEquals(Classification.RESTRICTED, entry.getClassification());
        assertEquals(2, entry.getVersion());
        assertEquals(NOW, entry.getChangedAt());
        assertEquals("privacy", entry.getChangedBy());
        assertEquals(MaskStyle.EMAIL, entry.getMaskStyle());
        assertEquals("customer", entry.getEntityName());
        assertEquals("email", entry.getFieldName());
    }

    @Test
    void reclassifyToTheCurrentValueIsNoNewVersion() {
        ClassificationEntry entry = PolicyEntities.entry("ticket.subject", Classification.CONFIDENTIAL,
                MaskStyle.FREE_TEXT, 4);

        assertNull(entry.reclassify(Classification.CONFIDENTIAL, "same again, no change", "privacy", NOW));

        assertEquals(4, entry.getVersion());
        assertEquals(Classification.CONFIDENTIAL, entry.getClassification());
        assertEquals(PolicyEntities.MIGRATED_AT, entry.getChangedAt());
        assertEquals("system:migration", entry.getChangedBy());
    }

    @Test
    void successiveReclassificationsCountUp() {
        ClassificationEntry entry = PolicyEntities.entry("ticket.siteCode", Classification.INTERNAL,
                MaskStyle.NONE, 1);
        PolicyChange first = entry.reclassify(Classification.PUBLIC, "site codes are printed on the door",
                "privacy", NOW);
        PolicyChange second = entry.reclassify(Classification.INTERNAL, "reverted after review",
                "privacy2", NOW.plusSeconds(60));

        assertEquals(2, first.getVersion());
        assertEquals("INTERNAL", first.getOldValue());
        assertEquals("PUBLIC", first.getNewValue());
        assertEquals(3, second.getVersion());
        assertEquals("PUBLIC", second.getOldValue());
        assertEquals("INTERNAL", second.getNewValue());
        assertEquals(3, entry.getVersion());
        assertEquals("privacy2", entry.getChangedBy());
        assertEquals(NOW.plusSeconds(60), entry.getChangedAt());
    }

    @Test
    void ruleKeyIsRoleColonClassification() {
        assertEquals("AGENT:CONFIDENTIAL", VisibilityRule.keyOf(Role.AGENT, Classification.CONFIDENTIAL));
        assertEquals("PRIVACY_OFFICER:RESTRICTED", VisibilityRule.keyOf(Role.PRIVACY_OFFICER, Classification.RESTRICTED));
    }

    @Test
    void changingACellReturnsTheNextVersionStep() {
        VisibilityRule rule = PolicyEntities.rule(Role.AGENT, Classification.CONFIDENTIAL, Visibility.MASKED, 1);

        PolicyChange change = rule.change(Visibility.HIDDEN, "agents no longer need contact data", "privacy", NOW);

        assertNotNull(change);
        assertEquals(PolicyChange.Kind.VISIBILITY, change.getKind());
        assertEquals("AGENT:CONFIDENTIAL", change.getTarget());
        assertEquals(2, change.getVersion());
        assertEquals("MASKED", change.getOldValue());
        assertEquals("HIDDEN", change.getNewValue());
        assertEquals("agents no longer need contact data", change.getReason());
        assertEquals("privacy", change.getChangedBy());
        assertEquals(NOW, change.getChangedAt());

        assertEquals(Visibility.HIDDEN, rule.getVisibility());
        assertEquals(2, rule.getVersion());
        assertEquals(NOW, rule.getChangedAt());
        assertEquals("privacy", rule.getChangedBy());
        assertEquals(Role.AGENT, rule.getRole());
        assertEquals(Classification.CONFIDENTIAL, rule.getClassification());
    }

    @Test
    void changingACellToItsCurrentValueIsNoNewVersion() {
        VisibilityRule rule = PolicyEntities.rule(Role.SUPERVISOR, Classification.RESTRICTED, Visibility.MASKED, 7);

        assertNull(rule.change(Visibility.MASKED, "same again, no change", "privacy", NOW));

        assertEquals(7, rule.getVersion());
        assertEquals(Visibility.MASKED, rule.getVisibility());
        assertEquals(PolicyEntities.MIGRATED_AT, rule.getChangedAt());
        assertEquals("system:migration", rule.getChangedBy());
    }

    @Test
    void successiveCellChangesCountUp() {
        VisibilityRule rule = PolicyEntities.rule(Role.ENGINEER, Classification.CONFIDENTIAL, Visibility.MASKED, 1);
        assertEquals(2, rule.change(Visibility.FULL, "incident 42 needs full contact data", "p", NOW).getVersion());
        assertNull(rule.change(Visibility.FULL, "again", "p", NOW));
        PolicyChange back = rule.change(Visibility.MASKED, "incident 42 closed", "p", NOW.plusSeconds(5));
        assertEquals(3, back.getVersion());
        assertEquals("FULL", back.getOldValue());
        assertEquals(3, rule.getVersion());
    }
}
