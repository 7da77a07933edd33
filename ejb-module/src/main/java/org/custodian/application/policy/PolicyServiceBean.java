package org.custodian.application.policy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;

/**
 * Least privilege by default: operators and auditors see no ticket or customer data at all, and
 * contractors see nothing until grants exist. Region isolation: a user reads only the regions
 * assigned to them.
 */
@Stateless
public class PolicyServiceBean implements PolicyService {

    private static final Map<Permission, Set<Role>> GRANTED_TO = new EnumMap<>(Permission.class);

    static {
        GRANTED_TO.put(Permission.TICKET_READ,
                EnumSet.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR, Role.PRIVACY_OFFICER));
        GRANTED_TO.put(Permission.TICKET_WRITE, EnumSet.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR));
        GRANTED_TO.put(Permission.CUSTOMER_READ,
                EnumSet.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR, Role.PRIVACY_OFFICER));
        GRANTED_TO.put(Permission.CUSTOMER_WRITE, EnumSet.of(Role.AGENT, Role.SUPERVISOR));
        GRANTED_TO.put(Permission.AUDIT_VERIFY, EnumSet.of(Role.AUDITOR));
        GRANTED_TO.put(Permission.JOB_RUN, EnumSet.of(Role.OPERATOR, Role.AUDITOR));
        GRANTED_TO.put(Permission.JOB_READ, EnumSet.of(Role.OPERATOR, Role.AUDITOR));
        // a scan stores nothing and reveals only what the caller sent: every signed-in role may use it
        GRANTED_TO.put(Permission.PII_SCAN, EnumSet.allOf(Role.class));
    }

    @EJB
    private AuditService audit;

    @Override
    public boolean allows(Caller caller, Permission permission) {
        for (Role role : caller.roles()) {
            if (GRANTED_TO.get(permission).contains(role)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void enforce(Caller caller, Permission permission, Region region, String resourceType, String resourceId) {
        String refusal = null;
        if (!allows(caller, permission)) {
            refusal = "your roles (" + caller.rolesText() + ") do not allow " + permission;
        } else if (region != null && !caller.regions().contains(region)) {
            refusal = "this " + resourceType.toLowerCase() + " belongs to region " + region
                    + ", outside your regions " + caller.regions();
        }
        if (refusal != null) {
            audit.record(caller, permission.name(), resourceType, resourceId, null, AuditOutcome.DENIED);
            throw new AccessDeniedException(refusal);
        }
    }

    @Override
    public Set<Region> readableRegions(Caller caller) {
        return allows(caller, Permission.TICKET_READ) || allows(caller, Permission.CUSTOMER_READ)
                ? caller.regions() : Set.of();
    }
}
