package org.custodian.application.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds how many password hashes (PBKDF2, 600,000 iterations: the expensive step of a sign-in) run at once, so a
 * flood of token requests cannot take every core. A check waits at most {@code custodian.auth.hash-wait} for a
 * permit, and only while fewer than {@code custodian.auth.hash-queue} others wait; otherwise it is refused at once
 * with {@link SignInBusyException}. A semaphore of our own rather than MicroProfile Fault Tolerance's
 * {@code @Bulkhead}: the limit must hold inside the sign-in transaction, after the cheap throttle checks and around
 * the hash alone, and the refusal must be an exception the API and the portal already answer.
 */
@ApplicationScoped
public class HashingBulkhead {

    /** 0: one per processor. */
    @Inject
    @ConfigProperty(name = "custodian.auth.hash-concurrency", defaultValue = "0")
    int concurrency;

    /** 0: as many waiting as may run. */
    @Inject
    @ConfigProperty(name = "custodian.auth.hash-queue", defaultValue = "0")
    int queue;

    @Inject
    @ConfigProperty(name = "custodian.auth.hash-wait", defaultValue = "PT1S")
    Duration wait;

    private Semaphore permits;
    private int queueBound;
    private final AtomicInteger waiting = new AtomicInteger();

    @PostConstruct
    void create() {
        int bound = concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        permits = new Semaphore(bound, true);
        queueBound = queue > 0 ? queue : bound;
    }

    /** Runs the check with a permit, or refuses it. */
    public boolean check(BooleanSupplier hashCheck) {
        if (!permits.tryAcquire()) {
            acquireWaiting();
        }
        try {
            return hashCheck.getAsBoolean();
        } finally {
            permits.release();
        }
    }

    private void acquireWaiting() {
        if (waiting.incrementAndGet() > queueBound) {
            waiting.decrementAndGet();
            throw busy();
        }
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
    }

    private SignInBusyException busy() {
        return new SignInBusyException(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
