package org.custodian.interfaces.health;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.custodian.application.audit.AuditSequencer;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.interfaces.health.probe.DatabaseReadiness;
import org.custodian.interfaces.health.probe.HealthProbes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Ready when the database answers and the schema has been migrated (the audit chain head exists). Details: the
 * trail's length and the committed audit events not chained yet (normally 0 between requests; a number that
 * stays up means the sequencer cannot get the chain head), also the {@code custodian_audit_pending} gauge where the
 * server has MicroProfile Metrics ({@code gaugePublished} says whether it does).
 */
@ApplicationScoped
public class DatabaseHealthCheck {

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    @EJB
    AuditSequencer sequencer;

    /** Registers the check with its readiness probe (custodian-health, where every server's MicroProfile Health
     * finds it) and its number as a gauge. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        HealthProbes.register(DatabaseReadiness.NAME, this::call);
        Gauges.register("custodian_audit_pending",
                "Audit events committed with their operation but not yet chained into the trail", this,
                check -> check.sequencer.pending());
    }

    @PreDestroy
    void unregister() {
        HealthProbes.unregister(DatabaseReadiness.NAME);
    }

    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(DatabaseReadiness.NAME);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select last_sequence from audit_chain_head where id = 1");
                ResultSet result = statement.executeQuery()) {
            response.withData("product", connection.getMetaData().getDatabaseProductName());
            if (result.next()) {
                return response.up().withData("auditEvents", result.getLong(1))
                        .withData("auditPending", sequencer.pending())
                        .withData("gaugePublished", Gauges.published()).withData("gaugeApi", Gauges.apiName())
                        .build();
            }
            return response.down().withData("error", "schema not migrated: audit_chain_head is empty").build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
