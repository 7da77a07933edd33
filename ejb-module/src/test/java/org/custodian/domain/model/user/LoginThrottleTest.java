package org.custodian.domain.model.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    static final int FREE = 3;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration BASE = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofMinutes(3);  // not a power-of-two multiple of BASE, so the cap shows
    static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    private final LoginThrottle throttle = new LoginThrottle("jane", T0);

    private void fail(Instant at) {
        throttle.recordFailure(at, FREE, WINDOW, BASE, MAX);
    }

    /** Fails at {@code at} and returns the block that failure caused. */
    private Duration failAndMeasure(Instant at) {
        fail(at);
        return throttle.remainingBlock(at);
    }

    @Test
    void freshThrottleBlocksNothing() {
        assertFalse(throttle.isBlocked(T0));
        assertEquals(Duration.ZERO, throttle.remainingBlock(T0));
        assertEquals(0, throttle.getFailures());
        assertEquals("jane", throttle.getUsername());
    }

    @Test
    void noBlockBeforeTheFreeAttemptsAreUsedUp() {
        for (int i = 1; i < FREE; i++) {
            Instant at = T0.plusSeconds(i);
            fail(at);
            assertFalse(throttle.isBlocked(at), "failure " + i + " of " + FREE + " free ones");
            assertEquals(Duration.ZERO, throttle.remainingBlock(at));
        }
        assertEquals(FREE - 1, throttle.getFailures());
    }

    @Test
    void blockStartsWhenTheFreeAttemptsAreUsedUp() {
        fail(T0);
        fail(T0.plusSeconds(1));
        Instant third = T0.plusSeconds(2);
        fail(third);
        assertTrue(throttle.isBlocked(third));
        assertEquals(BASE, throttle.remainingBlock(third));
    }

    @Test
    void blockEndsExactlyWhenItsTimeIsUp() {
        fail(T0);
        fail(T0);
        fail(T0);
        assertTrue(throttle.isBlocked(T0.plus(BASE).minusMillis(1)));
        assertEquals(Duration.ofMillis(1), throttle.remainingBlock(T0.plus(BASE).minusMillis(1)));
        assertFalse(throttle.isBlocked(T0.plus(BASE)));
        assertEquals(Duration.ZERO, throttle.remainingBlock(T0.plus(BASE)));
        assertEquals(Duration.ZERO, throttle.remainingBlock(T0.plus(BASE).plusSeconds(60)));
    }

    @Test
    void remainingBlockCountsDown() {
        fail(T0);
        fail(T0);
        fail(T0);
        assertEquals(Duration.ofSeconds(20), throttle.remainingBlock(T0.plusSeconds(10)));
    }

    @Test
    void blockDoublesWithEachExtraFailureUpToTheMaximum() {
        // As the service uses it: after a block has run out, the next attempt fails again.
        Instant t = T0;
        fail(t);
        fail(t);
        Duration[] expected = {Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                MAX /* 240 s capped */, MAX, MAX};
        for (Duration want : expected) {
            Duration got = failAndMeasure(t);
            assertEquals(want, got);
            t = t.plus(got);
            assertFalse(throttle.isBlocked(t));
        }
        assertTrue(Duration.between(T0, t).compareTo(WINDOW) < 0, "the whole run stays inside one window");
        assertEquals(FREE + expected.length - 1, throttle.getFailures());
    }

    @Test
    void hugeFailureCountsStayCappedWithoutOverflow() {
        Duration day = Duration.ofDays(1);
        LoginThrottle t = new LoginThrottle("bot", T0);
        for (int i = 0; i < 200; i++) {
            t.recordFailure(T0, FREE, Duration.ofDays(365), BASE, day);
        }
        assertEquals(day, t.remainingBlock(T0));
    }

    @Test
    void failuresAreForgottenAfterTheWindow() {
        fail(T0);
        fail(T0.plusSeconds(1));
        Instant afterWindow = T0.plusSeconds(1).plus(WINDOW).plusSeconds(1);
        fail(afterWindow);
        assertEquals(1, throttle.getFailures(), "counting starts again after a quiet window");
        assertFalse(throttle.isBlocked(afterWindow));
    }

    @Test
    void failureAtExactlyTheWindowEdgeStillCounts() {
        fail(T0);
        fail(T0.plusSeconds(1));
        Instant edge = T0.plusSeconds(1).plus(WINDOW);
        fail(edge);
        assertEquals(3, throttle.getFailures());
        assertTrue(throttle.isBlocked(edge));
    }

    @Test
    void windowResetAlsoLiftsAnOldBlock() {
        fail(T0);
        fail(T0);
        fail(T0);
        fail(T0.plus(BASE));  // 4th failure: 60 s block
        Instant later = T0.plus(WINDOW).plus(Duration.ofMinutes(5));
        fail(later);
        assertEquals(1, throttle.getFailures());
        assertFalse(throttle.isBlocked(later));
    }

    @Test
    void aSteadyAttackerNeverEarnsTheFreeAttemptsBack() {
        // one failure every 10 minutes for 3 hours: each gap is shorter than the 15-minute window
        Instant t = T0;
        for (int i = 0; i < 18; i++) {
            fail(t);
            t = t.plus(Duration.ofMinutes(10));
        }
        assertEquals(18, throttle.getFailures(), "the count only grows while failures keep coming");
    }

    @Test
    void waitingOutABlockDoesNotGiveTheFreeAttemptsBack() {
        // a throttle whose longest block equals its window, as with the defaults (PT15M, PT15M)
        Duration window = Duration.ofMinutes(15);
        Instant at = T0;
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(at, FREE, window, window, window);
            at = at.plusSeconds(1);
        }
        Instant blockEnds = at.minusSeconds(1).plus(window);
        // just after the block (more than a window after the last failure, less than one after the block)
        Instant next = blockEnds.plusSeconds(1);
        assertFalse(throttle.isBlocked(next));
        throttle.recordFailure(next, FREE, window, window, window);
        assertTrue(throttle.isBlocked(next), "the count went on: the next failure blocks at once");
        assertEquals(21, throttle.getFailures());
        // a whole quiet window after that block ends forgets the count
        Instant quiet = next.plus(window).plus(window).plusSeconds(1);
        throttle.recordFailure(quiet, FREE, window, window, window);
        assertEquals(1, throttle.getFailures());
        assertFalse(throttle.isBlocked(quiet));
    }
}
