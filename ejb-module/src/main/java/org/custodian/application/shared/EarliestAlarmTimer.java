package org.custodian.application.shared;

import jakarta.annotation.Resource;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;

/**
 * The part that the singletons sleeping until an earliest alarm (the SLA timer, the breach timer) share: their
 * {@link EarliestAlarm}, the standby of a node that does not hold the timer, and the re-arming when a committed change
 * sets an earlier alarm. The subclass is the {@code @Singleton} (with {@code @Interceptors(TimerWatchdog.class)}) and
 * says when to wake next and what to do then.
 */
// on the class: the methods here are the subclass's business methods too, and must not start a transaction either
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class EarliestAlarmTimer implements TimerWatchdog.Standby {

    /** A record that keeps failing must not make the timer spin. */
    protected static final Duration MIN_DELAY = Duration.ofSeconds(1);

    @Resource
    private TimerService timers;

    private final EarliestAlarm alarm;

    protected EarliestAlarmTimer(String name) {
        alarm = new EarliestAlarm(name);
    }

    /** When to wake next (null: no alarm is pending). */
    protected abstract Instant nextWakeUp();

    /** Arms for {@link #nextWakeUp}, at least {@code minDelay} away. */
    protected void armNext(Duration minDelay) {
        alarm.arm(timers, nextWakeUp(), minDelay);
    }

    /** The timer fired: to be called first in the subclass's {@code @Timeout} method. */
    protected void fired() {
        alarm.fired();
    }

    /** Another node holds this timer (#26): look again a lease later, when that node may have gone. */
    @Override
    public void standby(Duration retryIn) {
        alarm.arm(timers, Instant.now().plus(retryIn), MIN_DELAY);
    }

    /** An alarm moved to {@code at} (committed): wake earlier if that is before the armed time. */
    public void earlier(Instant at) {
        alarm.earlier(timers, at);
    }

    /** When the timer is armed for (null: no alarm is pending), for tests and the health of it. */
    public Instant armedFor() {
        return alarm.armedFor();
    }
}
