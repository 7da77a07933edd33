package org.custodian.application.monitoring;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which mail comes from a monitoring system ({@code custodian.monitoring.sources}, env
 * {@code CUSTODIAN_MONITORING_SOURCES}): a comma-separated list of {@code [name=]match}, where match is a sender
 * address ({@code nagios@mon.example.org}), a sender domain ({@code @mon.example.org}) or a whole mailbox
 * ({@code mailbox:alerts}). The name (default: the match) is the source in the fingerprint. Configuration, not a
 * table: the sources are part of how the desk is wired to its monitoring, deployed with it (docs/configuration.md).
 */
@ApplicationScoped
public class MonitoringSources {

    /** One configured source. */
    public record Source(String name, String match) {

        boolean matches(String fromKey, String mailbox) {
            if (match.startsWith("mailbox:")) {
                return mailbox != null && mailbox.equalsIgnoreCase(match.substring(8));
            }
            if (fromKey == null) {
                return false;
            }
            return match.startsWith("@") ? fromKey.endsWith(match) : fromKey.equals(match);
        }
    }

    private List<Source> sources = List.of();
    private boolean closeOnRecovery;

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        sources = parse(config.getOptionalValue("custodian.monitoring.sources", String.class).orElse(""));
        closeOnRecovery = config.getOptionalValue("custodian.monitoring.close-on-recovery", Boolean.class)
                .orElse(false);
    }

    /** Parses the list; blanks are skipped. */
    public static List<Source> parse(String text) {
        List<Source> parsed = new ArrayList<>();
        for (String entry : text.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            String name = eq > 0 ? e.substring(0, eq).trim() : e;
            String match = (eq > 0 ? e.substring(eq + 1) : e).trim().toLowerCase(Locale.ROOT);
            parsed.add(new Source(name.length() > 64 ? name.substring(0, 64) : name, match));
        }
        return List.copyOf(parsed);
    }

    /** The source a mail from this sender (lower-case key) in this mailbox belongs to, if any. */
    public Optional<Source> of(String fromKey, String mailbox) {
        return sources.stream().filter(source -> source.matches(fromKey, mailbox)).findFirst();
    }

    /** Whether a recovery event resolves the ticket (default: it only adds a comment). */
    public boolean closeOnRecovery() {
        return closeOnRecovery;
    }

    public List<Source> all() {
        return sources;
    }
}
