package org.custodian.application.shared;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a timer's work so that a call blocked for good is interrupted instead of holding the server. WildFly holds
 * every call into the application's EJBs until all its startup beans have started, and for ever when one of them
 * failed: a timer that fired during such a deployment waited there, and the undeploy waited for the timer until the
 * server was killed. The wait is interruptible, so after {@code limit} the timer's thread is interrupted, the call
 * fails, the timer method returns and the undeploy proceeds. (JDBC I/O does not react to interrupts, so a slow but
 * healthy statement is not cut short by it.)
 */
public final class TimerWatchdog {

    private TimerWatchdog() {
    }

    public static void run(ManagedScheduledExecutorService scheduler, Duration limit, Runnable work) {
        Thread timerThread = Thread.currentThread();
        Object lock = new Object();
        boolean[] done = {false};
        ScheduledFuture<?> alarm = scheduler.schedule(() -> {
            synchronized (lock) {
                if (!done[0]) {
                    timerThread.interrupt();
                }
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            synchronized (lock) {
                done[0] = true;
            }
            alarm.cancel(false);
            Thread.interrupted(); // an alarm that rang late must not reach the pool thread's next task
        }
    }
}
