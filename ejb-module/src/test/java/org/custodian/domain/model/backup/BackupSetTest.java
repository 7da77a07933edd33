package org.custodian.domain.model.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.junit.jupiter.api.Test;

class BackupSetTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:30:00Z");

    @Test
    void aSetIsNamedAfterItsSnapshotTimeTypeAndExecution() {
        BackupSet set = new BackupSet(BackupType.FULL, null, "primary", "before upgrade", "operator", 42, NOW);
        assertEquals("custodian-20261123T023000Z-full-e42", set.getName());
        assertEquals(BackupStatus.RUNNING, set.getStatus());
        assertNull(set.getBaseId());
    }

    @Test
    void anIncrementalNeedsACompleteBase() {
        DomainRuleViolationException none = assertThrows(DomainRuleViolationException.class,
                () -> new BackupSet(BackupType.INCREMENTAL, null, "primary", "nightly", "schedule", 43, NOW));
        assertEquals("type", none.getViolations().get(0).field());
        BackupSet running = new BackupSet(BackupType.FULL, null, "primary", "first", "schedule", 44, NOW);
        assertThrows(DomainRuleViolationException.class,
                () -> new BackupSet(BackupType.INCREMENTAL, running, "primary", "nightly", "schedule", 45, NOW));
        assertThrows(DomainRuleViolationException.class,
                () -> new BackupSet(BackupType.FULL, null, "primary", " ", "operator", 46, NOW), "a reason is required");
    }

    @Test
    void onlyARunningSetCompletesOrFailsAndOnlyACompleteOneExpires() {
        BackupSet set = new BackupSet(BackupType.FULL, null, "primary", "weekly", "schedule", 47, NOW);
        DomainRuleViolationException early = assertThrows(DomainRuleViolationException.class,
                () -> set.expire("tiers", NOW));
        assertTrue(early.getMessage().contains("RUNNING"), early.getMessage());
        set.snapshotTaken(NOW, "10:20:", 99, "11", "EU");
        set.complete(1000, 10, "ab".repeat(32), NOW.plusSeconds(5));
        assertEquals(BackupStatus.COMPLETE, set.getStatus());
        assertThrows(DomainRuleViolationException.class, () -> set.fail("late", NOW));
        set.expire("tiers", NOW.plusSeconds(10));
        assertEquals(BackupStatus.EXPIRED, set.getStatus());
        assertThrows(DomainRuleViolationException.class, () -> set.expire("again", NOW));
    }
}
