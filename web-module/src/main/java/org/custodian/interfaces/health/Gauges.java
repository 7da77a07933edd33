package org.custodian.interfaces.health;

import jakarta.enterprise.inject.spi.CDI;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * How a health check also publishes the number it reports as a gauge, for alerting, through the metrics API the
 * server has: MicroProfile Metrics on Payara (at /metrics), Micrometer on WildFly (its micrometer subsystem, pushed
 * by OTLP). Each API is named by one class only, looked up here; on a server with neither the gauges are left out
 * with one WARNING and the health checks still answer with the same numbers in their details, rather than Weld
 * dropping a check whose injection point names a missing class (which it does silently).
 */
final class Gauges {

    private static final Logger LOG = Logger.getLogger(Gauges.class.getName());

    /** The API the gauges went to ("MicroProfile Metrics", "Micrometer"), "" when none, null before the first. */
    private static volatile String api;

    private Gauges() {
    }

    static <T, R extends Number> void register(String name, String description, T owner, Function<T, R> value) {
        if ("".equals(api)) {
            return;
        }
        StringBuilder failures = new StringBuilder();
        if (api == null || api.equals("MicroProfile Metrics")) {
            if (tryRegister(MicroProfileGauges.class, "MicroProfile Metrics", failures,
                    gauges -> gauges.register(name, description, owner, value))) {
                return;
            }
        }
        if (api == null || api.equals("Micrometer")) {
            if (tryRegister(MicrometerGauges.class, "Micrometer", failures,
                    gauges -> gauges.register(name, description, owner, value))) {
                return;
            }
        }
        api = "";
        LOG.warning("No metrics API on this server (" + failures + "): the gauges custodian_audit_pending and"
                + " custodian_siem_backlog are not published; /health reports the same numbers in its details");
    }

    private static <G> boolean tryRegister(Class<G> type, String name, StringBuilder failures,
            Consumer<G> registration) {
        try {
            registration.accept(CDI.current().select(type).get());
            api = name;
            return true;
        } catch (LinkageError | RuntimeException e) {
            // LinkageError: the API's classes are not there; RuntimeException: no such bean (Weld left it out)
            failures.append(failures.length() == 0 ? "" : "; ").append(name).append(": ")
                    .append(e.getClass().getSimpleName());
            return false;
        }
    }

    /** Whether the gauges could be published, a detail of the health checks. */
    static boolean published() {
        return api != null && !api.isEmpty();
    }

    /** Which metrics API has the gauges ("" when none), a detail of the health checks. */
    static String apiName() {
        return api == null ? "" : api;
    }
}
