package org.custodian.interfaces.health;

import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** How a health check also publishes the number it reports as a gauge at /metrics, for alerting. */
final class Gauges {

    private Gauges() {
    }

    static <T, R extends Number> void register(MetricRegistry metrics, String name, String description, T owner,
            Function<T, R> value) {
        metrics.gauge(Metadata.builder().withName(name).withDescription(description).build(), owner, value);
    }
}
