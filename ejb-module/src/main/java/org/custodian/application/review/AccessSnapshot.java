package org.custodian.application.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.custodian.application.policy.Permission;
import org.custodian.domain.model.access.AccessGrant;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.review.ItemKind;
import org.custodian.domain.model.user.Role;

/** One user's access as a campaign lists it: each role, region, live contractor grant and backup privilege. */
final class AccessSnapshot {

    record Entry(ItemKind kind, String subject, String detail) {
    }

    private AccessSnapshot() {
    }

    /** Per role, the backup permissions ({@code BACKUP_RUN}, {@code BACKUP_READ}) that {@code granted} gives it. */
    static Map<Role, List<String>> backupPermissions(Function<Permission, Set<Role>> granted) {
        Map<Role, List<String>> byRole = new EnumMap<>(Role.class);
        for (Permission permission : List.of(Permission.BACKUP_RUN, Permission.BACKUP_READ)) {
            for (Role role : granted.apply(permission)) {
                byRole.computeIfAbsent(role, key -> new ArrayList<>()).add(permission.name());
            }
        }
        return byRole;
    }

    /**
     * @param backupPermissions per role, the backup permissions the policy grants it (roles absent grant none)
     * @param grants the user's contractor grants; only those in force or still to start are listed
     */
    static List<Entry> of(Set<Role> roles, Set<Region> regions, List<AccessGrant> grants,
            Map<Role, List<String>> backupPermissions, Instant now) {
        List<Entry> entries = new ArrayList<>();
        for (Role role : Role.values()) {
            if (roles.contains(role)) {
                entries.add(new Entry(ItemKind.ROLE, role.name(), "role " + role.name()));
            }
        }
        for (Region region : Region.values()) {
            if (regions.contains(region)) {
                entries.add(new Entry(ItemKind.REGION, region.name(), "region " + region.name()));
            }
        }
        for (AccessGrant grant : grants) {
            String state = grant.state(now);
            if (state.equals("ACTIVE") || state.equals("PENDING")) {
                entries.add(new Entry(ItemKind.GRANT, String.valueOf(grant.getId()), "grant " + grant.getId() + " ("
                        + state.toLowerCase(java.util.Locale.ROOT) + "): categories " + grant.getCategories()
                        + " in " + grant.getRegions() + " from " + grant.getStartsAt() + " until "
                        + grant.getExpiresAt() + ", given by " + grant.getGrantedBy()));
            }
        }
        for (Role role : Role.values()) {
            List<String> permissions = backupPermissions.getOrDefault(role, List.of());
            if (roles.contains(role) && !permissions.isEmpty()) {
                entries.add(new Entry(ItemKind.BACKUP_PRIVILEGE, role.name(), "backup privileges "
                        + String.join(", ", permissions) + " through role " + role.name()
                        + " (revoking removes the role)"));
            }
        }
        return entries;
    }
}
