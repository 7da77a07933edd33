package org.custodian.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        Duration base = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(5);
        assertEquals(NOW.plusSeconds(30), RetryBackoff.nextAttempt(NOW, base, max, 1));
        assertEquals(NOW.plusSeconds(60), RetryBackoff.nextAttempt(NOW, base, max, 2));
        assertEquals(NOW.plusSeconds(240), RetryBackoff.nextAttempt(NOW, base, max, 4));
        assertEquals(NOW.plus(max), RetryBackoff.nextAttempt(NOW, base, max, 5));
        assertEquals(NOW.plus(max), RetryBackoff.nextAttempt(NOW, base, max, 1_000), "no overflow after many");
    }

    @Test
    void theErrorIsCutToTheColumn() {
        assertNull(RetryBackoff.cut(null, 500));
        assertEquals("short", RetryBackoff.cut("short", 500));
        assertEquals(500, RetryBackoff.cut("x".repeat(600), 500).length());
    }
}
