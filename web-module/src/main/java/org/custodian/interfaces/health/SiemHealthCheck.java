package org.custodian.interfaces.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.custodian.application.audit.siem.SiemDeliveryService;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Where SIEM delivery stands: backlog, position, last error. A collector that is down does not make Custodian
 * unready (events wait in the trail), so the check stays UP and reports; the backlog is also the gauge
 * {@code custodian_siem_backlog} at /metrics for alerting.
 */
@Readiness
@ApplicationScoped
public class SiemHealthCheck implements HealthCheck {

    @EJB
    SiemDeliveryService siem;

    @Inject
    MetricRegistry metrics;

    void registerGauge(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Gauges.register(metrics, "custodian_siem_backlog", "Audit events not yet delivered to the SIEM collector", this,
                check -> check.siem.status().backlog());
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("siem-delivery");
        try {
            SiemDeliveryService.Status status = siem.status();
            response.up().withData("configured", status.configured()).withData("target", status.target())
                    .withData("format", status.format()).withData("deliveredSequence", status.deliveredSequence())
                    .withData("backlog", status.backlog()).withData("failures", status.failures());
            if (status.lastError() != null) {
                response.withData("lastError", status.lastError());
            }
            return response.build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
