package org.custodian.application.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The interceptor every schedule declares: a blocked tick is interrupted, a failed one does not reach the timer. */
class TimerWatchdogTest {

    private final ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @TimerWatchdog.Limit(seconds = 1)
    static class BlockedSchedule {
        final CountDownLatch never = new CountDownLatch(1);
        final AtomicBoolean interrupted = new AtomicBoolean();

        void tick() {
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw new IllegalStateException("interrupted while blocked", e);
            }
        }
    }

    static class FailingSchedule {
        void tick() {
            throw new IllegalStateException("database down");
        }
    }

    @Test
    void aTickBlockedBeyondItsLimitIsInterruptedAndReturns() throws Exception {
        BlockedSchedule schedule = new BlockedSchedule();
        long started = System.nanoTime();
        assertNull(watchdog().guard(context(schedule, schedule::tick)));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertTrue(schedule.interrupted.get(), "the blocked wait was not interrupted");
        assertTrue(seconds < 10, "the tick returned only after " + seconds + " s");
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt leaked to the pool thread's next task");
    }

    @Test
    void aFailedTickDoesNotReachTheContainer() throws Exception {
        FailingSchedule schedule = new FailingSchedule();
        assertNull(watchdog().guard(context(schedule, schedule::tick)));
    }

    private TimerWatchdog watchdog() throws ReflectiveOperationException {
        TimerWatchdog watchdog = new TimerWatchdog();
        Field scheduler = TimerWatchdog.class.getDeclaredField("scheduler");
        scheduler.setAccessible(true);
        scheduler.set(watchdog, managed(pool));
        return watchdog;
    }

    /** The JDK's scheduler behind the managed interface (the container's is the same contract). */
    private static ManagedScheduledExecutorService managed(ScheduledExecutorService pool) {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(TimerWatchdogTest.class.getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("schedule") && args.length == 3 && args[0] instanceof Runnable task) {
                        return pool.schedule(task, (Long) args[1], (TimeUnit) args[2]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static InvocationContext context(Object target, Runnable tick) {
        return (InvocationContext) Proxy.newProxyInstance(TimerWatchdogTest.class.getClassLoader(),
                new Class<?>[] {InvocationContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getTarget" -> target;
                    case "proceed" -> {
                        tick.run();
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
