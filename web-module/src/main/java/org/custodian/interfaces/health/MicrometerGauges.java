package org.custodian.interfaces.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The only class that names the Micrometer API, the metrics API WildFly gives deployments (its micrometer
 * subsystem, which configure-custodian.cli adds). Like {@link MicroProfileGauges} it is looked up by {@link Gauges}
 * and simply cannot exist on a server without that API (Payara), where Gauges uses the other one.
 */
@Dependent
public class MicrometerGauges {

    private static final Logger LOG = Logger.getLogger(MicrometerGauges.class.getName());

    @Inject
    MeterRegistry registry;

    <T, R extends Number> void register(String name, String description, T owner, Function<T, R> value) {
        // Micrometer reads the gauge on its own publishing thread, whose class loader is not the application's:
        // the value is read under the application's loader (JPA finds its classes), and a failure is logged once
        // rather than published silently as NaN, which the OTLP registry leaves out
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        boolean[] warned = {false};
        // registry.gauge(...), not Gauge.builder(...).register(registry): WildFly's registry for applications
        // forwards only these convenience methods to the server's registry (the one it publishes), adding the
        // deployment's tag; a builder would register into the local registry nobody publishes (the description
        // is lost with it: that method takes none)
        registry.gauge(name, Tags.empty(), owner, each -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(application);
            try {
                return value.apply(each).doubleValue();
            } catch (RuntimeException e) {
                if (!warned[0]) {
                    warned[0] = true;
                    LOG.log(Level.WARNING, "The gauge " + name + " cannot be read: " + e, e);
                }
                return Double.NaN;
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
    }
}
