package org.custodian.domain.model.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The clock's rules on an always-working UTC calendar (business time = real time). */
class SlaClockTest {

    private static final BusinessHours ALWAYS = BusinessHours.always(ZoneOffset.UTC);
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void plansDueAndWarningFromTheShare() {
        SlaClock clock = new SlaClock(1, ClockKind.RESOLUTION, T0);
        clock.plan(ALWAYS, 60, 0.75, false);
        assertEquals(T0.plusSeconds(3600), clock.getDue());
        assertEquals(T0.plusSeconds(2700), clock.getWarnAt());
        assertEquals(clock.getWarnAt(), clock.getAlarmAt());
    }

    @Test
    void warningThenBreachEachOnce() {
        SlaClock clock = new SlaClock(1, ClockKind.FIRST_RESPONSE, T0);
        clock.plan(ALWAYS, 60, 0.75, false);
        assertEquals(SlaClock.Due.WARNING, clock.fire(T0.plusSeconds(2700)));
        assertEquals(clock.getDue(), clock.getAlarmAt());
        assertEquals(SlaClock.Due.NOTHING, clock.fire(T0.plusSeconds(2800)));
        assertEquals(SlaClock.Due.BREACH, clock.fire(T0.plusSeconds(3600)));
        assertNull(clock.getAlarmAt());
        assertEquals(SlaClock.Due.NOTHING, clock.fire(T0.plusSeconds(9000)));
    }

    @Test
    void aLateTimerRecordsTheBreachWithoutAWarningFirst() {
        SlaClock clock = new SlaClock(1, ClockKind.FIRST_RESPONSE, T0);
        clock.plan(ALWAYS, 1, 0.75, false);
        assertEquals(SlaClock.Due.BREACH, clock.fire(T0.plusSeconds(600)));
        assertEquals(SlaClock.Due.NOTHING, clock.fire(T0.plusSeconds(601)));
    }

    @Test
    void aPauseShiftsDueByThePausedBusinessTime() {
        SlaClock clock = new SlaClock(1, ClockKind.RESOLUTION, T0);
        clock.plan(ALWAYS, 60, 0.75, false);
        clock.rearm(true);
        assertNull(clock.getAlarmAt());
        clock.resume(ALWAYS, Duration.ofMinutes(25), 0.75);
        assertEquals(T0.plusSeconds(3600 + 1500), clock.getDue());
        assertEquals(T0.plusSeconds(2700 + 1500), clock.getAlarmAt());
    }

    @Test
    void aNewTargetKeepsElapsedTimeAndPauses() {
        SlaClock clock = new SlaClock(1, ClockKind.RESOLUTION, T0);
        clock.plan(ALWAYS, 480, 0.75, false);
        clock.resume(ALWAYS, Duration.ofMinutes(10), 0.75);
        clock.plan(ALWAYS, 60, 0.75, false); // priority raised: from the same start, the pause still counts
        assertEquals(T0.plusSeconds(3600 + 600), clock.getDue());
    }

    @Test
    void theBusinessTimeToMeetIsNetOfPauses() {
        SlaClock clock = new SlaClock(1, ClockKind.RESOLUTION, T0);
        clock.plan(ALWAYS, 480, 0.75, false);
        clock.resume(ALWAYS, Duration.ofMinutes(10), 0.75);
        clock.meet(T0.plusSeconds(3600), ALWAYS);
        assertEquals(3000L, clock.getBusinessSeconds(), "an hour less the ten minutes waiting on the customer");
    }

    @Test
    void metAndStoppedClocksHaveNoAlarm() {
        SlaClock met = new SlaClock(1, ClockKind.FIRST_RESPONSE, T0);
        met.plan(ALWAYS, 60, 0.75, false);
        met.meet(T0.plusSeconds(60), ALWAYS);
        assertNull(met.getAlarmAt());
        assertEquals(60L, met.getBusinessSeconds());
        assertEquals("MET", met.state(false, T0.plusSeconds(99_999)));
        SlaClock stopped = new SlaClock(1, ClockKind.NEXT_RESPONSE, T0);
        stopped.plan(ALWAYS, 60, 0.75, false);
        stopped.stop(T0.plusSeconds(60));
        assertEquals(SlaClock.Due.NOTHING, stopped.fire(T0.plusSeconds(99_999)));
        assertEquals("STOPPED", stopped.state(false, T0.plusSeconds(99_999)));
    }
}
