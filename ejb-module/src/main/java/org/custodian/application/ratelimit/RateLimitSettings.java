package org.custodian.application.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rate limits ({@code CUSTODIAN_RATE_LIMIT_*}): requests per window for a person, for an API key (unless the
 * key or its account names its own) and for a source address. Generous for people, tighter for keys.
 */
@ApplicationScoped
public class RateLimitSettings {

    @Inject
    @ConfigProperty(name = "custodian.rate-limit.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "custodian.rate-limit.window-seconds", defaultValue = "60")
    int windowSeconds;

    @Inject
    @ConfigProperty(name = "custodian.rate-limit.user", defaultValue = "600")
    long user;

    @Inject
    @ConfigProperty(name = "custodian.rate-limit.key", defaultValue = "120")
    long key;

    @Inject
    @ConfigProperty(name = "custodian.rate-limit.source", defaultValue = "3000")
    long source;

    public RateLimitSettings() {
    }

    /** For tests and benchmarks. */
    public RateLimitSettings(boolean enabled, int windowSeconds, long user, long key, long source) {
        this.enabled = enabled;
        this.windowSeconds = windowSeconds;
        this.user = user;
        this.key = key;
        this.source = source;
    }

    public boolean enabled() {
        return enabled;
    }

    public int windowSeconds() {
        return Math.max(1, windowSeconds);
    }

    public long user() {
        return user;
    }

    public long key() {
        return key;
    }

    public long source() {
        return source;
    }
}
