package org.custodian.interfaces.web.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.custodian.application.policy.ApiScope;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;

/** The values the people pages offer to choose from, as the services know them (names, never rules). */
@Named
@ApplicationScoped
public class Choices {

    private final List<String> timeZones = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .sorted().toList();

    public List<String> getRoles() {
        return Arrays.stream(Role.values()).map(Enum::name).toList();
    }

    /** The roles whose grant a second person approves (four eyes). */
    public List<String> getGuardedRoles() {
        return org.custodian.domain.model.user.FourEyes.GUARDED.stream().map(Enum::name).sorted().toList();
    }

    public List<String> getRegions() {
        return Arrays.stream(Region.values()).map(Enum::name).toList();
    }

    /** UTC first, then the IANA zones by name. */
    public List<String> getTimeZones() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"), timeZones.stream()).toList();
    }

    public List<String> getLocales() {
        return List.of("en", "de");
    }

    public List<String> getScopes() {
        return Arrays.stream(ApiScope.values()).map(ApiScope::wireName).toList();
    }

    /** A list as the pages show it: comma-separated, a dash for none. */
    public String join(java.util.Collection<?> values) {
        return values == null || values.isEmpty() ? "–" : values.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Counts by state as the pages show them, the zeros left out: "3 PENDING, 1 KEPT, 4 total". */
    public String counts(java.util.Map<String, Long> counts) {
        return counts == null || counts.isEmpty() ? "none" : counts.entrySet().stream()
                .filter(entry -> entry.getValue() != null && entry.getValue() > 0)
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** An instant as the pages show it: minutes, UTC, said so. */
    public String time(Instant instant) {
        return Pages.time(instant);
    }
}
