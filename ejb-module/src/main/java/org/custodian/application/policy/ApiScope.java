package org.custodian.application.policy;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.custodian.domain.model.user.Role;

/**
 * What a service account may do, as scopes an integrator understands. Each scope names the permissions it opens
 * and the role whose view of the data it gets (the visibility matrix is per role): an account acts as the union
 * of its scopes' roles, and may use only the permissions its scopes name — {@link DefaultPolicyService} checks
 * both, so a scope can never give more than its role, and a role never more than the scopes. No scope acts as a
 * role that sees personal data in full (SUPERVISOR, PRIVACY_OFFICER): a key is a bearer secret.
 */
public enum ApiScope {
    /** Read and search tickets and their comments, as an agent sees them (CONFIDENTIAL masked), in its regions. */
    TICKETS_READ("tickets:read", Role.AGENT, Permission.TICKET_READ, Permission.COMMENT_INTERNAL_READ,
            Permission.CATALOG_READ),
    /** Create and change tickets and comment, as an agent may, in its regions. */
    TICKETS_WRITE("tickets:write", Role.AGENT, Permission.TICKET_WRITE, Permission.CATALOG_READ),
    /** Read customers, as an agent sees them, in its regions. */
    CUSTOMERS_READ("customers:read", Role.AGENT, Permission.CUSTOMER_READ),
    /** Provision people by SCIM (an IdP's client): users and teams, no ticket or customer data. */
    SCIM("scim", Role.USER_ADMIN, Permission.USER_READ, Permission.USER_MANAGE, Permission.SCIM_PROVISION),
    /** Export the audit trail and its proofs for offline verification (a SIEM, an archive). */
    AUDIT_EXPORT("audit:export", Role.AUDITOR, Permission.AUDIT_EXPORT, Permission.AUDIT_PROOF,
            Permission.AUDIT_VERIFY),
    /** Read the access reports (a GRC tool). */
    REPORTS_READ("reports:read", Role.AUDITOR, Permission.REPORT_READ),
    /**
     * Subscribe webhooks (#24); what they carry is what the account's read scopes show (an agent's view), so a
     * webhook of ticket events needs tickets:read as well.
     */
    WEBHOOKS("webhooks", Role.AGENT, Permission.WEBHOOK_MANAGE);

    private final String wireName;
    private final Role role;
    private final Set<Permission> permissions;

    ApiScope(String wireName, Role role, Permission first, Permission... rest) {
        this.wireName = wireName;
        this.role = role;
        this.permissions = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    public String wireName() {
        return wireName;
    }

    public Role role() {
        return role;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public static Optional<ApiScope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (ApiScope scope : values()) {
            if (scope.wireName.equals(wanted)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    public static String allowedValues() {
        StringBuilder names = new StringBuilder();
        for (ApiScope scope : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(scope.wireName);
        }
        return names.toString();
    }

    /** The roles an account with these scopes acts as (unknown names give nothing). */
    public static Set<Role> rolesOf(Collection<String> scopes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        scopes.forEach(name -> parse(name).ifPresent(scope -> roles.add(scope.role)));
        return roles;
    }

    /** The permissions these scopes open (unknown names open nothing). */
    public static Set<Permission> permissionsOf(Collection<String> scopes) {
        Set<Permission> open = EnumSet.noneOf(Permission.class);
        scopes.forEach(name -> parse(name).ifPresent(scope -> open.addAll(scope.permissions)));
        return open;
    }
}
