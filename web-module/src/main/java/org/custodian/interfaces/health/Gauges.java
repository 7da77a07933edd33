package org.custodian.interfaces.health;

import jakarta.enterprise.inject.spi.CDI;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * How a health check also publishes the number it reports as a gauge at /metrics, for alerting, where the server
 * has the MicroProfile Metrics API (Payara). WildFly 39 has none: there the gauges are left out with one WARNING
 * and the health checks still answer with the same numbers in their details, rather than Weld dropping a check
 * whose injection point names a missing class (which it does silently).
 */
final class Gauges {

    private static final Logger LOG = Logger.getLogger(Gauges.class.getName());

    private static volatile Boolean available;

    private Gauges() {
    }

    static <T, R extends Number> void register(String name, String description, T owner, Function<T, R> value) {
        if (Boolean.FALSE.equals(available)) {
            return;
        }
        try {
            CDI.current().select(MicroProfileGauges.class).get().register(name, description, owner, value);
            available = true;
        } catch (LinkageError | RuntimeException e) {
            // LinkageError: the API's classes are not there; RuntimeException: no such bean (Weld left it out)
            available = false;
            LOG.warning("No MicroProfile Metrics on this server (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "): the gauges custodian_audit_pending and custodian_siem_backlog are not"
                    + " published; /health reports the same numbers in its details");
        }
    }

    /** Whether the gauges could be published (null before the first try), a detail of the health checks. */
    static boolean published() {
        return Boolean.TRUE.equals(available);
    }
}
