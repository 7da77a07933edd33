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

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }
}
