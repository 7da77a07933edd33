package org.custodian.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.custodian.application.ratelimit.RateDecision;
import org.custodian.application.ratelimit.RateLimitSettings;
import org.custodian.application.ratelimit.RateLimiter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rate limits on a real PostgreSQL, through the application's migration and its counter SQL. */
class RateLimitOnPostgresTest {

    private static final long T0 = 1_800_000_000_000L; // a window start for 60 s windows

    @RegisterExtension
    static final MigratedPostgres POSTGRES = new MigratedPostgres();

    @Test
    void aCredentialGetsItsQuotaPerWindowThenA429WithTheTimeToWait() {
        AtomicLong now = new AtomicLong(T0 + 42_000);
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(true, 60, 600, 120, 1000),
                new JdbcRateCounterStore(POSTGRES.dataSource()), now::get);
        for (int i = 1; i <= 3; i++) {
            RateDecision decision = limiter.check("key:aaaaaaaaaaaa", 3, "192.0.2.1");
            assertFalse(decision.limited(), "request " + i);
            assertEquals("\"credential\";q=3;w=60, \"source\";q=1000;w=60", decision.policyHeader());
            assertEquals("\"credential\";r=" + (3 - i) + ";t=18, \"source\";r=" + (1000 - i) + ";t=18",
                    decision.limitHeader());
        }
        RateDecision fourth = limiter.check("key:aaaaaaaaaaaa", 3, "192.0.2.1");
        assertTrue(fourth.limited());
        assertEquals(18, fourth.retryAfterSeconds());
        assertEquals("credential", fourth.exceeded().name());
        // another credential from the same address is not held back by this one's limit
        assertFalse(limiter.check("user:agent.eu", 600, "192.0.2.1").limited());
        // the next window starts afresh
        now.set(T0 + 60_000);
        RateDecision fresh = limiter.check("key:aaaaaaaaaaaa", 3, "192.0.2.1");
        assertFalse(fresh.limited());
        assertEquals("\"credential\";r=2;t=60, \"source\";r=999;t=60", fresh.limitHeader());
    }

    @Test
    void aSourceAddressHasItsOwnLimitOverAllCredentials() {
        AtomicLong now = new AtomicLong(T0 + 120_000);
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(true, 60, 600, 120, 4),
                new JdbcRateCounterStore(POSTGRES.dataSource()), now::get);
        for (int i = 0; i < 4; i++) {
            assertFalse(limiter.check("user:u" + i, 600, "198.51.100.7").limited());
        }
        RateDecision fifth = limiter.check(null, 0, "198.51.100.7");
        assertTrue(fifth.limited());
        assertEquals("source", fifth.exceeded().name());
        assertEquals("\"source\";q=4;w=60", fifth.policyHeader());
    }

    @Test
    void concurrentRequestsAreEachCountedOnceAndNeverDeadlock() throws Exception {
        JdbcRateCounterStore store = new JdbcRateCounterStore(POSTGRES.dataSource());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            boolean reversed = t % 2 == 1; // callers name the buckets in either order
            runs.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    store.hit(reversed ? List.of("source:203.0.113.9", "key:bbbbbbbbbbbb")
                            : List.of("key:bbbbbbbbbbbb", "source:203.0.113.9"), 1_000L);
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        assertEquals(List.of(801L, 801L), store.hit(List.of("key:bbbbbbbbbbbb", "source:203.0.113.9"), 1_000L));
    }

    @Test
    void oldWindowsAreForgotten() throws Exception {
        JdbcRateCounterStore store = new JdbcRateCounterStore(POSTGRES.dataSource());
        store.hit(List.of("key:cccccccccccc"), 60L);
        store.hit(List.of("key:cccccccccccc"), 120L);
        store.forgetBefore(120L);
        try (Connection connection = POSTGRES.connection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select window_start from rate_limit_window where bucket = 'key:cccccccccccc'")) {
            assertTrue(rows.next());
            assertEquals(120L, rows.getLong(1));
            assertFalse(rows.next());
        }
    }

    @Test
    void limitsSwitchedOffCountNothing() {
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(false, 60, 1, 1, 1),
                new JdbcRateCounterStore(POSTGRES.dataSource()), () -> T0);
        assertNull(limiter.check("user:x", 1, "192.0.2.50"));
    }
}
