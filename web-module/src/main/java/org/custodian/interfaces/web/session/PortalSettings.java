package org.custodian.interfaces.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Session limits of the portal (MicroProfile Config, so environment variables override them). */
@ApplicationScoped
public class PortalSettings {

    @Inject
    @ConfigProperty(name = "custodian.portal.idle-timeout", defaultValue = "PT15M")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "custodian.portal.absolute-timeout", defaultValue = "PT8H")
    Duration absoluteTimeout;

    @Inject
    @ConfigProperty(name = "custodian.portal.recheck-interval", defaultValue = "PT1M")
    Duration recheckInterval;

    /** {@code custodian.auth.password-sign-in}: false hides the password form (the server refuses it too). */
    @Inject
    @ConfigProperty(name = "custodian.auth.password-sign-in", defaultValue = "true")
    boolean passwordSignIn;

    public boolean passwordSignIn() {
        return passwordSignIn;
    }

    /** How often a session asks the user store again (API tokens live 15 minutes; this is tighter). */
    public Duration recheckInterval() {
        return recheckInterval;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }
}
