package org.custodian.application.user;

import java.util.List;
import java.util.Set;

/**
 * A merge patch of a user: only the fields named in {@code present} change. {@code email} may be set to null (the
 * address removed); every other field named must have a value.
 */
public record UserChanges(Set<String> present, String displayName, String email, List<String> roles,
        List<String> regions, String timeZone, String locale, Boolean active) {

    public static final Set<String> FIELDS = Set.of("displayName", "email", "roles", "regions", "timeZone", "locale",
            "active");

    boolean has(String field) {
        return present.contains(field);
    }
}
