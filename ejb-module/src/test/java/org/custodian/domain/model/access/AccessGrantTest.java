package org.custodian.domain.model.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessGrantTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String REASON = "VPN outage support for the network team";

    private static AccessGrant grant(Instant startsAt, Instant expiresAt) {
        return new AccessGrant("carl", Set.of("NETWORK"), EnumSet.of(Region.EU), startsAt, expiresAt, REASON,
                "sue", NOW);
    }

    private static Set<String> violatedFields(Set<String> categories, Set<Region> regions, Instant startsAt,
            Instant expiresAt, String reason) {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new AccessGrant("carl", categories, regions, startsAt, expiresAt, reason, "sue", NOW));
        return e.getViolations().stream().map(FieldViolation::field).collect(Collectors.toSet());
    }

    @Test
    void validGrantKeepsSortedCategoriesAndRegionsAndStartsNowByDefault() {
        AccessGrant grant = new AccessGrant("carl", Set.of("NETWORK", "BACKUP"), EnumSet.of(Region.UK, Region.EU),
                null, NOW.plus(Duration.ofDays(30)), "  " + REASON + "  ", "sue", NOW);

        assertEquals("carl", grant.getGrantee());
        assertEquals(List.of("BACKUP", "NETWORK"), List.copyOf(grant.getCategories()));
        assertEquals(EnumSet.of(Region.EU, Region.UK), grant.getRegions());
        assertEquals(NOW, grant.getStartsAt());
        assertEquals(NOW.plus(Duration.ofDays(30)), grant.getExpiresAt());
        assertEquals(REASON, grant.getReason());
        assertEquals("sue", grant.getGrantedBy());
        assertEquals(NOW, grant.getCreatedAt());
        assertNull(grant.getRevokedAt());
        assertNull(grant.getId());
        assertEquals("ACTIVE", grant.state(NOW));
        assertTrue(grant.isActiveAt(NOW));
    }

    @Test
    void categoriesRegionsExpiryAndReasonAreRequired() {
        assertEquals(Set.of("categories", "regions", "expiresAt", "reason"),
                violatedFields(null, null, null, null, null));
        assertEquals(Set.of("categories", "regions"),
                violatedFields(Set.of(), Set.of(), null, NOW.plusSeconds(3600), REASON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"network", "N", "NET-WORK", "NETWORK ", "1NETWORK", "NET WORK", ""})
    void categoryMustBeAnUpperCaseWord(String category) {
        assertEquals(Set.of("categories"),
                violatedFields(Set.of("BACKUP", category), EnumSet.of(Region.EU), null, NOW.plusSeconds(3600), REASON));
    }

    @Test
    void nullCategoryIsRejected() {
        Set<String> categories = new HashSet<>();
        categories.add(null);
        assertEquals(Set.of("categories"),
                violatedFields(categories, EnumSet.of(Region.EU), null, NOW.plusSeconds(3600), REASON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NETWORK", "BACKUP_RESTORE", "AB"})
    void upperCaseCategoriesAreAccepted(String category) {
        assertDoesNotThrow(() -> new AccessGrant("carl", Set.of(category), EnumSet.of(Region.EU), null,
                NOW.plusSeconds(3600), REASON, "sue", NOW));
    }

    @Test
    void expiryMayBeExactlyNinetyDaysAfterTheStartButNoLater() {
        AccessGrant longest = grant(null, NOW.plus(AccessGrant.MAX_LENGTH));
        assertEquals(NOW.plus(Duration.ofDays(90)), longest.getExpiresAt());
        assertEquals(Set.of("expiresAt"), violatedFields(Set.of("NETWORK"), EnumSet.of(Region.EU), null,
                NOW.plus(Duration.ofDays(90)).plusSeconds(1), REASON));
    }

    @Test
    void ninetyDaysCountFromAFutureStart() {
        Instant start = NOW.plus(Duration.ofDays(10));
        AccessGrant grant = grant(start, start.plus(Duration.ofDays(90)));
        assertEquals(start, grant.getStartsAt());
        assertEquals(Set.of("expiresAt"), violatedFields(Set.of("NETWORK"), EnumSet.of(Region.EU), start,
                start.plus(Duration.ofDays(90)).plusSeconds(1), REASON));
    }

    @Test
    void expiryMustBeAfterTheStart() {
        assertEquals(Set.of("expiresAt"), violatedFields(Set.of("NETWORK"), EnumSet.of(Region.EU), null, NOW, REASON));
        assertEquals(Set.of("expiresAt"),
                violatedFields(Set.of("NETWORK"), EnumSet.of(Region.EU), null, NOW.minusSeconds(1), REASON));
        Instant start = NOW.plus(Duration.ofDays(2));
        assertEquals(Set.of("expiresAt"), violatedFields(Set.of("NETWORK"), EnumSet.of(Region.EU), start,
                NOW.plus(Duration.ofDays(1)), REASON));
    }

    @Test
    void grantCannotBeBackDated() {
        assertEquals(Set.of("startsAt"), violatedFields(Set.of("NETWORK"), EnumSet.of(Region.EU),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), REASON));
        assertEquals(Set.of("startsAt"), violatedFields(Set.of("NETWORK"), EnumSet.of(Region.EU),
                NOW.minusSeconds(61), NOW.plus(Duration.ofDays(1)), REASON));
        // a minute of clock skew between the client and the server is tolerated
        assertDoesNotThrow(() -> grant(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1))));
    }

    @Test
    void reasonNeedsTenCharactersOnceTrimmed() {
        Instant expiry = NOW.plus(Duration.ofDays(1));
        assertEquals(Set.of("reason"),
                violatedFields(Set.of("NETWORK"), EnumSet.of(Region.EU), null, expiry, "123456789"));
        assertEquals(Set.of("reason"),
                violatedFields(Set.of("NETWORK"), EnumSet.of(Region.EU), null, expiry, "    123456789     "));
        assertEquals(Set.of("reason"),
                violatedFields(Set.of("NETWORK"), EnumSet.of(Region.EU), null, expiry, "x".repeat(1001)));
        assertEquals("1234567890", new AccessGrant("carl", Set.of("NETWORK"), EnumSet.of(Region.EU), null, expiry,
                " 1234567890 ", "sue", NOW).getReason());
    }

    @Test
    void coversOnlyItsRegionsAndCategoriesWhileActive() {
        AccessGrant grant = new AccessGrant("carl", Set.of("NETWORK", "BACKUP"), EnumSet.of(Region.EU, Region.UK),
                null, NOW.plus(Duration.ofDays(7)), REASON, "sue", NOW);
        Instant later = NOW.plus(Duration.ofDays(1));

        assertTrue(grant.covers(Region.EU, "NETWORK", later));
        assertTrue(grant.covers(Region.UK, "BACKUP", later));
        assertFalse(grant.covers(Region.US, "NETWORK", later));
        assertFalse(grant.covers(Region.EU, "EMAIL", later));
        assertFalse(grant.covers(Region.EU, "network", later));
        assertFalse(grant.covers(Region.EU, "NETWORK", NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void futureGrantCoversNothingBeforeItStarts() {
        Instant start = NOW.plus(Duration.ofDays(1));
        AccessGrant grant = grant(start, start.plus(Duration.ofDays(1)));

        assertFalse(grant.covers(Region.EU, "NETWORK", NOW));
        assertFalse(grant.isActiveAt(start.minusMillis(1)));
        assertTrue(grant.isActiveAt(start));
        assertTrue(grant.covers(Region.EU, "NETWORK", start));
    }

    @Test
    void activeFromStartInclusiveToExpiryExclusive() {
        AccessGrant grant = grant(null, NOW.plusSeconds(3600));
        assertTrue(grant.isActiveAt(NOW));
        assertTrue(grant.isActiveAt(NOW.plusSeconds(3599)));
        assertFalse(grant.isActiveAt(NOW.plusSeconds(3600)));
        assertFalse(grant.isActiveAt(NOW.minusSeconds(1)));
    }

    @Test
    void stateFollowsTheClock() {
        Instant start = NOW.plus(Duration.ofDays(1));
        AccessGrant grant = grant(start, start.plus(Duration.ofDays(2)));
        assertEquals("PENDING", grant.state(NOW));
        assertEquals("ACTIVE", grant.state(start));
        assertEquals("ACTIVE", grant.state(start.plus(Duration.ofDays(1))));
        assertEquals("EXPIRED", grant.state(start.plus(Duration.ofDays(2))));
    }

    @Test
    void revokedGrantGrantsNothingAndRecordsWhoAndWhy() {
        AccessGrant grant = grant(null, NOW.plus(Duration.ofDays(7)));
        Instant revokedAt = NOW.plus(Duration.ofDays(1));

        grant.revoke("sue", "outage over, access no longer needed", revokedAt);

        assertEquals("sue", grant.getRevokedBy());
        assertEquals(revokedAt, grant.getRevokedAt());
        assertEquals("outage over, access no longer needed", grant.getRevokeReason());
        assertFalse(grant.isActiveAt(revokedAt));
        // revocation is not time-bound: even a read stamped before it is no longer covered
        assertFalse(grant.isActiveAt(NOW));
        assertFalse(grant.covers(Region.EU, "NETWORK", revokedAt.plusSeconds(1)));
        assertEquals("REVOKED", grant.state(revokedAt));
        assertEquals("REVOKED", grant.state(NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void pendingGrantCanBeRevokedAndIsThenRevokedNotPending() {
        AccessGrant grant = grant(NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(4)));
        grant.revoke("sue", "plans changed, not needed", NOW);
        assertEquals("REVOKED", grant.state(NOW));
        assertFalse(grant.isActiveAt(NOW.plus(Duration.ofDays(3))));
    }

    @Test
    void revokingTwiceIsARuleViolation() {
        AccessGrant grant = grant(null, NOW.plus(Duration.ofDays(7)));
        grant.revoke("sue", "first revocation", NOW.plusSeconds(10));

        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> grant.revoke("bob", "second revocation", NOW.plusSeconds(20)));

        assertEquals("id", e.getViolations().get(0).field());
        assertTrue(e.getMessage().contains("already revoked"), e.getMessage());
        // the first revocation stands
        assertEquals("sue", grant.getRevokedBy());
        assertEquals(NOW.plusSeconds(10), grant.getRevokedAt());
        assertEquals("first revocation", grant.getRevokeReason());
    }
}
