package org.custodian.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verified-token cache (#27) never answers at or past a token's expiry, and stays bounded. */
class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private final VerifiedToken verified = new VerifiedToken(true, Map.of("upn", "agent.eu"));

    @Test
    void anEntryServesUntilTheTokenExpiresAndNotAMomentLonger() {
        VerifiedTokenCache cache = new VerifiedTokenCache();
        cache.put("t", verified, Date.from(NOW.plusSeconds(60)), NOW);
        assertSame(verified, cache.get("t", NOW.plusSeconds(59)));
        assertNull(cache.get("t", NOW.plusSeconds(60)), "at exp the full checks run again");
        assertNull(cache.get("t", NOW.plusSeconds(1)), "and the expired entry is gone");
        assertNull(cache.get("other", NOW));
    }

    @Test
    void tokensWithoutExpiryOrAlreadyExpiredAreNotKept() {
        VerifiedTokenCache cache = new VerifiedTokenCache();
        cache.put("none", verified, null, NOW);
        cache.put("past", verified, Date.from(NOW.minusSeconds(1)), NOW);
        assertEquals(0, cache.size());
    }

    @Test
    void aFullCacheDropsExpiredEntriesFirstAndNeverGrowsPastItsBound() {
        VerifiedTokenCache cache = new VerifiedTokenCache();
        for (int i = 0; i < VerifiedTokenCache.MAX_ENTRIES; i++) {
            cache.put("t" + i, verified, Date.from(NOW.plusSeconds(i % 2 == 0 ? 10 : 600)), NOW);
        }
        cache.put("late", verified, Date.from(NOW.plusSeconds(600)), NOW.plusSeconds(20));
        assertEquals(VerifiedTokenCache.MAX_ENTRIES / 2 + 1, cache.size(), "the expired half went");
        assertSame(verified, cache.get("t1", NOW.plusSeconds(20)));
        for (int i = 0; i < VerifiedTokenCache.MAX_ENTRIES; i++) {
            cache.put("u" + i, verified, Date.from(NOW.plusSeconds(600)), NOW.plusSeconds(20));
        }
        assertEquals(true, cache.size() <= VerifiedTokenCache.MAX_ENTRIES);
    }
}
