package org.custodian.interfaces.health;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The only class that names the MicroProfile Metrics API, looked up by {@link Gauges} when it first publishes: on a
 * server without that API this bean cannot exist (its class does not load), the lookup fails, Gauges catches that,
 * and no health check is lost with it. The registry is injected, not looked up: Payara's producer reads the
 * injection point, which a programmatic lookup does not have.
 */
@Dependent
public class MicroProfileGauges {

    @Inject
    MetricRegistry metrics;

    <T, R extends Number> void register(String name, String description, T owner, Function<T, R> value) {
        metrics.gauge(Metadata.builder().withName(name).withDescription(description).build(), owner, value);
    }
}
