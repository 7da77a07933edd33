package org.custodian.application.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.policy.DefaultPolicyService;
import org.custodian.domain.model.access.AccessGrant;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.review.AccessReview;
import org.custodian.domain.model.review.AccessReviewItem;
import org.custodian.domain.model.review.DeadlinePolicy;
import org.custodian.domain.model.review.ItemKind;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class AccessSnapshotTest {

    private static final Instant NOW = Instant.parse("2026-04-01T06:00:00Z");

    @Test
    void backupPrivilegesAreTheRolesThePolicyGivesBackupPermissions() {
        Map<Role, List<String>> backup = AccessSnapshot.backupPermissions(new DefaultPolicyService()::rolesGranted);
        assertEquals(List.of("BACKUP_RUN", "BACKUP_READ"), backup.get(Role.OPERATOR));
        assertEquals(List.of("BACKUP_READ"), backup.get(Role.AUDITOR));
        assertEquals(Set.of(Role.OPERATOR, Role.AUDITOR), backup.keySet(), "no other role may touch backups");
    }

    @Test
    void everyRoleRegionLiveGrantAndBackupPrivilegeIsAnItem() throws Exception {
        AccessGrant live = withId(new AccessGrant("carl", Set.of("NETWORK"), EnumSet.of(Region.EU), null,
                NOW.plus(Duration.ofDays(10)), "network outage support", "supervisor", NOW.minusSeconds(30)), 7L);
        AccessGrant ended = withId(new AccessGrant("carl", Set.of("NETWORK"), EnumSet.of(Region.EU), null,
                NOW.plus(Duration.ofDays(10)), "network outage support", "supervisor", NOW.minusSeconds(30)), 8L);
        ended.revoke("supervisor", "done", NOW);
        List<AccessSnapshot.Entry> entries = AccessSnapshot.of(EnumSet.of(Role.OPERATOR, Role.CONTRACTOR),
                EnumSet.of(Region.EU, Region.US), List.of(live, ended),
                AccessSnapshot.backupPermissions(new DefaultPolicyService()::rolesGranted), NOW);
        assertEquals(List.of("ROLE:CONTRACTOR", "ROLE:OPERATOR", "REGION:EU", "REGION:US", "GRANT:7",
                "BACKUP_PRIVILEGE:OPERATOR"), entries.stream().map(e -> e.kind() + ":" + e.subject()).toList());
        assertTrue(entries.get(5).detail().contains("BACKUP_RUN, BACKUP_READ"), entries.get(5).detail());
    }

    @Test
    void theOutcomeDigestCoversEveryDecisionAndIgnoresSubMicrosecondClockNoise() throws Exception {
        AccessReview review = new AccessReview("Q2", Region.EU, null, null, NOW.plus(Duration.ofDays(14)),
                DeadlinePolicy.REVOKE, "privacy", false, NOW);
        AccessReviewItem role = new AccessReviewItem(1, "agent.eu", ItemKind.ROLE, "AGENT", "role AGENT", "sup");
        AccessReviewItem region = new AccessReviewItem(1, "agent.eu", ItemKind.REGION, "EU", "region EU", "sup");
        String before = CanonicalRecord.text(review, List.of(role, region));
        role.decide(true, "sup", "works EU tickets\tdaily", NOW.plusNanos(123_456_789));
        String kept = CanonicalRecord.text(review, List.of(role, region));
        assertTrue(kept.startsWith(CanonicalRecord.FORMAT + "\n"), kept);
        assertTrue(kept.contains("\tKEPT\tsup\t2026-04-01T06:00:00.123456Z\tworks EU tickets daily\n"), kept);
        assertEquals(4, kept.split("\n").length, "a header, the campaign and one line per item");
        String digest = CanonicalRecord.digest(kept);
        assertTrue(digest.matches("sha256:[0-9a-f]{64}"), digest);
        assertTrue(!digest.equals(CanonicalRecord.digest(before)), "a decision changes the digest");
        assertEquals(digest, CanonicalRecord.digest(CanonicalRecord.text(review, List.of(role, region))));
    }

    private static AccessGrant withId(AccessGrant grant, long id) throws Exception {
        Field field = AccessGrant.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(grant, id);
        return grant;
    }
}
