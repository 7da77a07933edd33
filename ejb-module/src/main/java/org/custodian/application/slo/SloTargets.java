package org.custodian.application.slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The targets (MicroProfile Config {@code custodian.slo.*}, env {@code CUSTODIAN_SLO_*}, docs/configuration.md):
 * percentages 0..100, durations ISO-8601, counts at least 0. A bad value stops the deployment naming the key.
 */
public record SloTargets(Duration window, double requestsOnTimePercent, double requestMedianDays,
        double erasureDays, double restrictionHours, double backupSuccessPercent, Duration backupRpo,
        Duration drillRto, Duration drillAge, Duration checkpointAge, Duration verificationAge, Duration siemLag,
        Duration securityFirstResponse, Duration alertOpen, long alertsOpenMax, double reviewsOnTimePercent) {

    /** The defaults: what the law or a sensible operation asks for. */
    public static SloTargets defaults() {
        return new SloTargets(Duration.ofDays(90), 100, 20, 30, 72, 95, Duration.ofHours(26), Duration.ofHours(1),
                Duration.ofDays(92), Duration.ofHours(2), Duration.ofDays(8), Duration.ofMinutes(15),
                Duration.ofHours(4), Duration.ofHours(24), 0, 100);
    }

    /** Reads every target, falling back to the defaults; refuses a bad one. */
    public static SloTargets read(Config config) {
        SloTargets d = defaults();
        List<String> bad = new ArrayList<>();
        Reader r = new Reader(config, bad);
        SloTargets targets = new SloTargets(
                r.duration("window", d.window()),
                r.percent("privacy.on-time-percent", d.requestsOnTimePercent()),
                r.number("privacy.median-days", d.requestMedianDays()),
                r.number("privacy.erasure-days", d.erasureDays()),
                r.number("privacy.restriction-hours", d.restrictionHours()),
                r.percent("backup.success-percent", d.backupSuccessPercent()),
                r.duration("backup.rpo", d.backupRpo()),
                r.duration("backup.drill-rto", d.drillRto()),
                r.duration("backup.drill-age", d.drillAge()),
                r.duration("audit.checkpoint-age", d.checkpointAge()),
                r.duration("audit.verification-age", d.verificationAge()),
                r.duration("audit.siem-lag", d.siemLag()),
                r.duration("security.first-response", d.securityFirstResponse()),
                r.duration("security.alert-open", d.alertOpen()),
                (long) r.number("security.alerts-open-max", d.alertsOpenMax()),
                r.percent("access-review.on-time-percent", d.reviewsOnTimePercent()));
        if (!bad.isEmpty()) {
            throw new IllegalStateException("Governance SLO targets are invalid: " + String.join("; ", bad));
        }
        return targets;
    }

    /** Reads one key under custodian.slo., noting what is wrong with it. */
    private record Reader(Config config, List<String> bad) {

        private <T> T read(String key, T fallback, Function<String, T> parse, String expected) {
            String name = "custodian.slo." + key;
            String text = config.getOptionalValue(name, String.class).orElse(null);
            if (text == null || text.isBlank()) {
                return fallback;
            }
            try {
                T value = parse.apply(text.trim());
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                // reported below with the key's name
            }
            bad.add(name + " must be " + expected + " (is '" + text + "')");
            return fallback;
        }

        Duration duration(String key, Duration fallback) {
            return read(key, fallback, text -> {
                Duration value = Duration.parse(text);
                return value.isNegative() || value.isZero() ? null : value;
            }, "a positive ISO-8601 duration such as PT26H or P8D");
        }

        double percent(String key, double fallback) {
            return read(key, fallback, text -> {
                double value = Double.parseDouble(text);
                return value >= 0 && value <= 100 ? value : null;
            }, "a percentage from 0 to 100");
        }

        double number(String key, double fallback) {
            return read(key, fallback, text -> {
                double value = Double.parseDouble(text);
                return value >= 0 && Double.isFinite(value) ? value : null;
            }, "a number of at least 0");
        }
    }
}
