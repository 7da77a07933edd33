package org.custodian.application.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a timer's work so that a call blocked for good is interrupted instead of holding the server. WildFly holds
 * every call into the application's EJBs until all its startup beans have started, and for ever when one of them
 * failed: a timer that fired during such a deployment waited there, and the undeploy waited for the timer until the
 * server was killed. The wait is interruptible, so after the limit the timer's thread is interrupted, the call
 * fails, the timer method returns and the undeploy proceeds. (JDBC I/O does not react to interrupts, so a slow but
 * healthy statement is not cut short by it.)
 *
 * <p>A schedule declares {@code @Interceptors(TimerWatchdog.class)} (and {@link Limit} where a minute is wrong). The
 * interceptor also keeps a failed tick from reaching the container, which would retry it at once or cancel the
 * timer: the next tick tries again.
 */
public class TimerWatchdog {

    private static final Logger LOG = Logger.getLogger(TimerWatchdog.class.getName());

    /** How long one tick of the annotated schedule may be blocked before it is interrupted (default a minute). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Limit {
        long seconds();
    }

    static final Duration DEFAULT_LIMIT = Duration.ofMinutes(1);

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @AroundTimeout
    Object guard(InvocationContext tick) {
        Class<?> schedule = tick.getTarget().getClass();
        Limit limit = findLimit(schedule);
        run(scheduler, limit == null ? DEFAULT_LIMIT : Duration.ofSeconds(limit.seconds()), () -> {
            try {
                tick.proceed();
            } catch (Exception e) {
                LOG.log(Level.WARNING, scheduleName(schedule) + " failed; the next tick tries again: " + e.getMessage(),
                        e);
            }
        });
        return null;
    }

    /** The annotation of the schedule class (the container may hand us a subclass proxy). */
    private static Limit findLimit(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Limit limit = c.getAnnotation(Limit.class);
            if (limit != null) {
                return limit;
            }
        }
        return null;
    }

    private static String scheduleName(Class<?> type) {
        String name = type.getSimpleName();
        int proxy = name.indexOf('$');
        return proxy > 0 ? name.substring(0, proxy) : name;
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
