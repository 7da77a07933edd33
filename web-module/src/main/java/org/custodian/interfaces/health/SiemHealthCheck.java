package org.custodian.interfaces.health;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.custodian.application.audit.siem.SiemDeliveryService;
import org.custodian.interfaces.health.probe.HealthProbes;
import org.custodian.interfaces.health.probe.SiemReadiness;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Where SIEM delivery stands: backlog, position, last error. A collector that is down does not make Custodian
 * unready (events wait in the trail), so the check stays UP and reports; the backlog is also the gauge
 * {@code custodian_siem_backlog} at /metrics for alerting.
 */
@ApplicationScoped
public class SiemHealthCheck {

    @EJB
    SiemDeliveryService siem;

    /** Registers the check with its readiness probe (custodian-health, where every server's MicroProfile Health
     * finds it) and its number as a gauge. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        HealthProbes.register(SiemReadiness.NAME, this::call);
        Gauges.register("custodian_siem_backlog", "Audit events not yet delivered to the SIEM collector", this,
                check -> check.siem.status().backlog());
    }

    @PreDestroy
    void unregister() {
        HealthProbes.unregister(SiemReadiness.NAME);
    }

    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(SiemReadiness.NAME);
        try {
            SiemDeliveryService.Status status = siem.status();
            response.up().withData("configured", status.configured()).withData("target", status.target())
                    .withData("format", status.format()).withData("deliveredSequence", status.deliveredSequence())
                    .withData("backlog", status.backlog()).withData("failures", status.failures())
                    .withData("gaugePublished", Gauges.published()).withData("gaugeApi", Gauges.apiName());
            if (status.lastError() != null) {
                response.withData("lastError", status.lastError());
            }
            return response.build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
