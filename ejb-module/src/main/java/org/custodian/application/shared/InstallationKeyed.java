package org.custodian.application.shared;

import jakarta.annotation.PostConstruct;
import java.security.SecureRandom;

/**
 * A bean that works under one {@link InstallationSecret} (the second-factor key, the webhook key): it reads and
 * checks the key at start, or takes one from a test, and refuses its work with the same kind of words while the key
 * is unset. Subclasses say what they make of the key's bytes.
 */
public abstract class InstallationKeyed {

    /** The platform's strong random source, for nonces and new secrets. */
    protected final SecureRandom random = new SecureRandom();

    private final String property;
    private boolean configured;

    protected InstallationKeyed(String property) {
        this.property = property;
    }

    @PostConstruct
    void loadKey() {
        InstallationSecret.read(property).ifPresent(this::useKey);
    }

    /** Checks {@code raw} (32 bytes) and hands it to {@link #keyed}; the constructors for tests call it too. */
    protected void useKey(byte[] raw) {
        keyed(InstallationSecret.checked(raw, property));
        configured = true;
    }

    /** Takes the installation key's checked bytes (derives or wraps the keys the bean works with). */
    protected abstract void keyed(byte[] raw);

    public boolean isConfigured() {
        return configured;
    }

    /** Refuses the work while no key is configured; {@code without}: what cannot be done then. */
    protected void requireKey(String without) {
        if (!configured) {
            throw new NotConfiguredException(property + " is not set: " + without);
        }
    }
}
