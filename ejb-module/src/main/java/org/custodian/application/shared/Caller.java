package org.custodian.application.shared;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;

/**
 * Who is asking, as established by authentication (the verified JWT for the API, the job operator
 * for batch work), plus the request coordinates the audit trail records.
 *
 * <p>{@code scopes} is null for people and the system (their roles alone decide); for a service account's key
 * (#22) it is the account's scopes, and the policy allows only what both the roles and the scopes allow.
 */
public record Caller(String username, Set<Role> roles, Set<Region> regions, String requestId, String clientAddress,
        Set<String> scopes) implements Serializable {

    public Caller {
        roles = roles.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        regions = regions.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(regions));
        scopes = scopes == null ? null : Collections.unmodifiableSet(new TreeSet<>(scopes));
    }

    /** A person (or the system): not limited by scopes. */
    public Caller(String username, Set<Role> roles, Set<Region> regions, String requestId, String clientAddress) {
        this(username, roles, regions, requestId, clientAddress, null);
    }

    /** Whether scopes limit this caller (a service account's key). */
    public boolean isScoped() {
        return scopes != null;
    }

    /** A caller for work the system does on its own behalf (start-up, schedules, batch steps). */
    public static Caller system(String name, String requestId) {
        return new Caller("system:" + name, Set.of(), Set.of(), requestId, null);
    }

    /** An anonymous caller, e.g. someone presenting credentials to sign in. */
    public static Caller anonymous(String claimedName, String requestId, String clientAddress) {
        return new Caller(claimedName, Set.of(), Set.of(), requestId, clientAddress);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Roles in a stable order, comma separated, as the audit trail records them. */
    public String rolesText() {
        TreeSet<String> names = new TreeSet<>();
        roles.forEach(role -> names.add(role.name()));
        return String.join(",", names);
    }
}
