package org.custodian.interfaces.health.probe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Where the web module's health checks are found by the readiness probes of this library. On WildFly MicroProfile
 * Health looks for checks only among the beans of an EAR's top level (its lib/ jars); the checks need the EJB
 * services, which only the web and EJB modules can see, so they register here when the web module starts. A probe
 * whose check has not registered (the module did not start) is DOWN and says so, never missing.
 */
public final class HealthProbes {

    private static final Map<String, Supplier<HealthCheckResponse>> CHECKS = new ConcurrentHashMap<>();

    private HealthProbes() {
    }

    public static void register(String name, Supplier<HealthCheckResponse> check) {
        CHECKS.put(name, check);
    }

    public static void unregister(String name) {
        CHECKS.remove(name);
    }

    static HealthCheckResponse call(String name) {
        Supplier<HealthCheckResponse> check = CHECKS.get(name);
        if (check == null) {
            return HealthCheckResponse.named(name).down()
                    .withData("error", "the web module has not started (its check is not registered)").build();
        }
        try {
            return check.get();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(name).down()
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
