package org.custodian.application.identity;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;

/**
 * What the identity provider's groups grant here, from {@code custodian.oidc.group-map}: a comma-separated list of
 * {@code group=TARGET[+TARGET...]}, each target a role name ({@code AGENT}, {@code PRIVACY_OFFICER}, ...) or a region
 * ({@code region:EU}). Example: {@code custodian-agents-eu=AGENT+region:EU,custodian-privacy=PRIVACY_OFFICER}.
 * A user gets the union of what their groups map to; groups not named are ignored. An unknown target refuses the
 * whole mapping (and so the start): a typo must not silently grant less, or more.
 */
public final class GroupMapping {

    /** The roles and regions a set of groups grants. */
    public record Grants(Set<Role> roles, Set<Region> regions) {

        public Grants {
            roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
            regions = regions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(regions));
        }

        public boolean isEmpty() {
            return roles.isEmpty() && regions.isEmpty();
        }
    }

    private static final String ROLES = String.join(", ", java.util.Arrays.stream(Role.values()).map(Enum::name)
            .toList());

    private final Map<String, Grants> byGroup;

    private GroupMapping(Map<String, Grants> byGroup) {
        this.byGroup = Map.copyOf(byGroup);
    }

    public static GroupMapping none() {
        return new GroupMapping(Map.of());
    }

    /** @throws IllegalArgumentException naming the entry and the target that is not understood */
    public static GroupMapping parse(String text) {
        Map<String, Grants> byGroup = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return new GroupMapping(byGroup);
        }
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String group = equals < 0 ? "" : entry.substring(0, equals).trim();
            if (group.isEmpty() || equals == entry.length() - 1) {
                throw new IllegalArgumentException("entry '" + entry.trim() + "' is not group=TARGET[+TARGET...]");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Set<Region> regions = EnumSet.noneOf(Region.class);
            Grants earlier = byGroup.get(group);
            if (earlier != null) {
                roles.addAll(earlier.roles());
                regions.addAll(earlier.regions());
            }
            for (String raw : entry.substring(equals + 1).split("\\+")) {
                String target = raw.trim();
                if (target.regionMatches(true, 0, "region:", 0, 7)) {
                    regions.add(Region.parse(target.substring(7)).orElseThrow(() -> new IllegalArgumentException(
                            "group '" + group + "': unknown region in '" + target + "' (regions: "
                                    + Region.allowedValues() + ")")));
                } else {
                    roles.add(role(target).orElseThrow(() -> new IllegalArgumentException("group '" + group
                            + "': unknown target '" + target + "' (a role: " + ROLES
                            + "; or region:<" + Region.allowedValues().replace(", ", "|") + ">)")));
                }
            }
            byGroup.put(group, new Grants(roles, regions));
        }
        return new GroupMapping(byGroup);
    }

    /** The union of what these groups grant; groups the mapping does not name grant nothing. */
    public Grants map(Collection<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<Region> regions = EnumSet.noneOf(Region.class);
        for (String group : groups) {
            Grants grants = byGroup.get(group);
            if (grants != null) {
                roles.addAll(grants.roles());
                regions.addAll(grants.regions());
            }
        }
        return new Grants(roles, regions);
    }

    public Set<String> groups() {
        return byGroup.keySet();
    }

    private static Optional<Role> role(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
