package org.custodian.application.shared;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
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
import org.custodian.application.cluster.ClusterNode;

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
 *
 * <p>It also makes each schedule run on one node at a time when several share the database (#26): before a tick runs,
 * the node takes or keeps the schedule's lease (a row of {@code cluster_timer_lease} named after the schedule's
 * class, held by its node for as long as that node's own lease lives); a node that does not hold it skips the tick,
 * and a schedule that re-arms a single-action timer from its tick is told so ({@link Standby}) to try again a lease
 * later. Timers every node needs (the heartbeat) say {@link EveryNode}.
 */
public class TimerWatchdog {

    private static final Logger LOG = Logger.getLogger(TimerWatchdog.class.getName());

    /** How long one tick of the annotated schedule may be blocked before it is interrupted (default a minute). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Limit {
        long seconds();
    }

    /** A schedule whose ticks run on every node (the node's own heartbeat), without a lease. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface EveryNode {
    }

    /** A schedule that re-arms its single-action timer in its tick: a skipped tick must arm the next try itself. */
    public interface Standby {
        /** Another node runs this schedule: arm the next tick {@code retryIn} from now, when it may have gone. */
        void standby(Duration retryIn);
    }

    static final Duration DEFAULT_LIMIT = Duration.ofMinutes(1);

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @EJB
    private ClusterNode cluster;

    @AroundTimeout
    Object guard(InvocationContext tick) {
        Class<?> schedule = tick.getTarget().getClass();
        Limit limit = find(schedule, Limit.class);
        run(scheduler, limit == null ? DEFAULT_LIMIT : Duration.ofSeconds(limit.seconds()), () -> {
            try {
                if (runsHere(schedule, tick.getTarget())) {
                    tick.proceed();
                }
            } catch (Exception e) {
                LOG.log(Level.WARNING, scheduleName(schedule) + " failed; the next tick tries again: " + e.getMessage(),
                        e);
            }
        });
        return null;
    }

    /** Whether this node runs the tick: every node for {@link EveryNode}, else the holder of the schedule's lease. */
    private boolean runsHere(Class<?> schedule, Object target) {
        if (cluster == null || find(schedule, EveryNode.class) != null) {
            return true; // no cluster bean: a watchdog built outside a container (its unit test)
        }
        String task = scheduleName(schedule);
        if (cluster.holdsTask(task)) {
            return true;
        }
        LOG.fine(() -> task + " runs on another node; tick skipped here");
        if (target instanceof Standby standby) {
            standby.standby(cluster.lease());
        }
        return false;
    }

    /** The annotation of the schedule class (the container may hand us a subclass proxy). */
    private static <A extends java.lang.annotation.Annotation> A find(Class<?> type, Class<A> annotation) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            A found = c.getAnnotation(annotation);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String scheduleName(Class<?> type) {
        String name = type.getSimpleName();
        int proxy = name.indexOf('$');
        return proxy > 0 ? name.substring(0, proxy) : name;
    }

    /** Ends every timer of a schedule at once (an undeploy or a clean stop), rather than at its next tick. */
    public static void cancelAll(jakarta.ejb.TimerService timers) {
        for (jakarta.ejb.Timer timer : timers.getTimers()) {
            try {
                timer.cancel();
            } catch (RuntimeException e) {
                LOG.fine(() -> "Timer already gone: " + e.getMessage());
            }
        }
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
