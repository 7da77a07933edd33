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
 */
public record Caller(String username, Set<Role> roles, Set<Region> regions, String requestId, String clientAddress)
        implements Serializable {

    public Caller {
        roles = roles.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        regions = regions.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(regions));
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
