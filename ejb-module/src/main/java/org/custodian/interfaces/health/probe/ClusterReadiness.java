package org.custodian.interfaces.health.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The readiness check "cluster" (org.custodian.interfaces.health.ClusterHealthCheck does the work). */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {

    public static final String NAME = "cluster";

    @Override
    public HealthCheckResponse call() {
        return HealthProbes.call(NAME);
    }
}
