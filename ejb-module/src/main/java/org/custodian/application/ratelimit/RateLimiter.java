package org.custodian.application.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts each API request against its credential's limit and its source address's limit, in one round trip to the
 * shared counters, and says whether it may go on. If the counters cannot be reached the request goes on (logged):
 * the limits protect the service, they are not an access decision.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

    @Inject
    RateLimitSettings settings;

    @Inject
    RateCounterStore store;

    private LongSupplier clock = System::currentTimeMillis;
    /** The newest window whose predecessors this node has cleaned away. */
    private final AtomicLong cleanedWindow = new AtomicLong();

    public RateLimiter() {
    }

    /** For tests and benchmarks: a limiter over this store and clock. */
    public RateLimiter(RateLimitSettings settings, RateCounterStore store, LongSupplier clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
    }

    /** The limit of a person (a user's token). */
    public long userLimit() {
        return settings.user();
    }

    /** The limit of an API key: its own or its account's if set, else the configured one for keys. */
    public long keyLimit(Integer own) {
        return own != null ? own : settings.key();
    }

    /**
     * @param credential {@code user:<name>} or {@code key:<keyId>}, or null for a request without a credential
     * @param credentialLimit requests per window for that credential
     * @param source the client address, or null when unknown
     * @return the decision, or null when limits are off or the counters could not be reached
     */
    public RateDecision check(String credential, long credentialLimit, String source) {
        if (!settings.enabled() || credential == null && source == null) {
            return null;
        }
        long now = clock.getAsLong();
        RateWindow window = RateWindow.at(now, settings.windowSeconds());
        List<String> buckets = new ArrayList<>(2);
        List<Long> quotas = new ArrayList<>(2);
        List<String> names = new ArrayList<>(2);
        if (credential != null) {
            buckets.add(credential);
            quotas.add(credentialLimit);
            names.add("credential");
        }
        if (source != null) {
            buckets.add("source:" + source);
            quotas.add(settings.source());
            names.add("source");
        }
        List<Long> hits;
        try {
            cleanUp(window);
            hits = store.hit(buckets, window.start());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rate-limit counters unavailable; request not limited", e);
            return null;
        }
        long reset = window.resetSeconds(now);
        List<RateDecision.PolicyState> states = new ArrayList<>(2);
        boolean limited = false;
        for (int i = 0; i < buckets.size(); i++) {
            boolean exceeded = hits.get(i) > quotas.get(i);
            limited |= exceeded;
            states.add(new RateDecision.PolicyState(names.get(i), quotas.get(i), window.seconds(),
                    RateWindow.remaining(quotas.get(i), hits.get(i)), reset, exceeded));
        }
        return new RateDecision(List.copyOf(states), limited, limited ? reset : 0);
    }

    /** The first request of a new window on this node removes the windows before the previous one. */
    private void cleanUp(RateWindow window) {
        long seen = cleanedWindow.get();
        if (window.start() > seen && cleanedWindow.compareAndSet(seen, window.start())) {
            store.forgetBefore(window.start() - window.seconds());
        }
    }
}
