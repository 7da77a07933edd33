package org.custodian.interfaces.health.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The readiness check "mail" (org.custodian.interfaces.health.MailHealthCheck does the work). */
@Readiness
@ApplicationScoped
public class MailReadiness implements HealthCheck {

    public static final String NAME = "mail";

    @Override
    public HealthCheckResponse call() {
        return HealthProbes.call(NAME);
    }
}
