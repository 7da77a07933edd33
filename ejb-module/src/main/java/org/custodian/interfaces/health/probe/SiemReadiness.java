package org.custodian.interfaces.health.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The readiness check "siem-delivery" (org.custodian.interfaces.health.SiemHealthCheck does the work). */
@Readiness
@ApplicationScoped
public class SiemReadiness implements HealthCheck {

    public static final String NAME = "siem-delivery";

    @Override
    public HealthCheckResponse call() {
        return HealthProbes.call(NAME);
    }
}
