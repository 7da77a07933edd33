package org.custodian.application.shared;

import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.time.Duration;
import java.time.Instant;

/**
 * The one single-action timer of a singleton that sleeps until the earliest indexed alarm (SLA clocks, breach
 * clocks): armed for one instant at a time, re-armed after each wake-up and moved earlier when a committed change
 * sets an earlier alarm. No timer per record and no polling loop. Not persistent: the owner re-arms it from the data
 * at start. The owner is a {@code @Singleton}, so the container serialises the calls.
 */
public final class EarliestAlarm {

    private final String name;
    private Instant armedFor;

    public EarliestAlarm(String name) {
        this.name = name;
    }

    /** Cancels what is armed and arms for {@code at} (null: nothing to wait for), at least {@code minDelay} away. */
    public void arm(TimerService timers, Instant at, Duration minDelay) {
        for (Timer timer : timers.getTimers()) {
            try {
                timer.cancel();
            } catch (RuntimeException e) {
                // fired or cancelled meanwhile
            }
        }
        armedFor = at;
        if (at == null) {
            return;
        }
        long delay = Math.max(minDelay.toMillis(), Duration.between(Instant.now(), at).toMillis());
        timers.createSingleActionTimer(Math.max(delay, 0), new TimerConfig(name, false));
    }

    /** An alarm moved to {@code at} (committed): wakes earlier if that is before the armed time. */
    public void earlier(TimerService timers, Instant at) {
        if (at != null && (armedFor == null || at.isBefore(armedFor))) {
            arm(timers, at, Duration.ZERO);
        }
    }

    /** The timer fired: nothing is armed until the owner arms it again. */
    public void fired() {
        armedFor = null;
    }

    /** When the timer is armed for (null: no alarm is pending). */
    public Instant armedFor() {
        return armedFor;
    }
}
