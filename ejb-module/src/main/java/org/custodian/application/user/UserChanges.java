package org.custodian.application.user;

import java.util.List;
import java.util.Set;

/**
 * A merge patch of a user: only the fields named in {@code present} change. {@code email} may be set to null (the
 * address removed); every other field named must have a value. {@code teams} (team keys) sets the user's team
 * memberships through the team service: teams left out lose the user, teams named gain them.
 */
public record UserChanges(Set<String> present, String displayName, String email, List<String> roles,
        List<String> regions, String timeZone, String locale, Boolean active, List<String> teams) {

    public static final Set<String> FIELDS = Set.of("displayName", "email", "roles", "regions", "timeZone", "locale",
            "active", "teams");

    /** A patch that leaves the user's teams as they are. */
    public UserChanges(Set<String> present, String displayName, String email, List<String> roles,
            List<String> regions, String timeZone, String locale, Boolean active) {
        this(present, displayName, email, roles, regions, timeZone, locale, active, null);
    }

    boolean has(String field) {
        return present.contains(field);
    }
}
