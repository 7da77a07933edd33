package org.custodian.interfaces.health.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The readiness check "database" (org.custodian.interfaces.health.DatabaseHealthCheck does the work). */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    public static final String NAME = "database";

    @Override
    public HealthCheckResponse call() {
        return HealthProbes.call(NAME);
    }
}
