package org.custodian.application.policy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.access.AccessRepository;
import org.custodian.domain.model.access.RevealGrantRepository;
import org.custodian.domain.model.privacy.RestrictionRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.access.TransferRule;
import org.custodian.domain.model.policy.FieldPolicy;
import org.custodian.domain.model.policy.PolicyContextVersions.CallerFacts;
import org.custodian.domain.model.policy.PolicyRepository;
import org.custodian.domain.model.policy.Visibility;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;

/**
 * Least privilege by default: operators and auditors see no ticket or customer data at all; contractors see
 * only what an active grant covers; personal data of another region needs a transfer rule. What each role
 * sees of each classification is data (the visibility matrix), current for every request: the shared part is kept
 * in memory while the database's version of it stays the same ({@link PolicyContextCache}).
 */
@Stateless
public class DefaultPolicyService implements PolicyService {

    /** Which roles may attempt each operation. CONTRACTOR listed means: only within an active grant. */
    /** Roles that work the tickets of their regions; the others are not bound to a region. */
    static final Set<Role> REGIONAL_ROLES = EnumSet.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR, Role.CONTRACTOR);

    static final Map<Permission, Set<Role>> GRANTED_TO;

    /** Permissions only a service account's key may use (its scopes name them); a person's token never. */
    static final Set<Permission> KEY_ONLY = EnumSet.of(Permission.SCIM_PROVISION, Permission.WEBHOOK_MANAGE);

    static {
        Map<Permission, Set<Role>> granted = new EnumMap<>(Permission.class);
        granted.put(Permission.TICKET_READ,
                EnumSet.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR, Role.PRIVACY_OFFICER, Role.CONTRACTOR));
        granted.put(Permission.TICKET_WRITE, EnumSet.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR, Role.CONTRACTOR));
        // internal comments are the staff's notes to each other: a contractor (outside staff) never reads them
        granted.put(Permission.COMMENT_INTERNAL_READ,
                EnumSet.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR, Role.PRIVACY_OFFICER));
        granted.put(Permission.CUSTOMER_READ,
                EnumSet.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR, Role.PRIVACY_OFFICER));
        granted.put(Permission.CUSTOMER_WRITE, EnumSet.of(Role.AGENT, Role.SUPERVISOR));
        // a merge moves a person's tickets, consents and requests at once: not an agent's everyday edit
        granted.put(Permission.CUSTOMER_MERGE, EnumSet.of(Role.SUPERVISOR, Role.PRIVACY_OFFICER));
        granted.put(Permission.AUDIT_VERIFY, EnumSet.of(Role.AUDITOR));
        granted.put(Permission.AUDIT_PROOF, EnumSet.of(Role.AUDITOR, Role.PRIVACY_OFFICER, Role.OPERATOR));
        granted.put(Permission.AUDIT_EXPORT, EnumSet.of(Role.AUDITOR));
        granted.put(Permission.REPORT_READ, EnumSet.of(Role.AUDITOR, Role.PRIVACY_OFFICER));
        granted.put(Permission.PRIVACY_RECORDS_READ, EnumSet.of(Role.PRIVACY_OFFICER, Role.AUDITOR));
        granted.put(Permission.PRIVACY_REQUEST_MANAGE, EnumSet.of(Role.PRIVACY_OFFICER));
        // DPIAs (#25): the privacy officer writes and signs off (another one than the writer); auditors check them
        granted.put(Permission.DPIA_READ, EnumSet.of(Role.PRIVACY_OFFICER, Role.AUDITOR));
        granted.put(Permission.DPIA_MANAGE, EnumSet.of(Role.PRIVACY_OFFICER));
        granted.put(Permission.DPIA_SIGN_OFF, EnumSet.of(Role.PRIVACY_OFFICER));
        // agents hear a customer give or withdraw consent; privacy officers answer for it
        granted.put(Permission.CONSENT_MANAGE, EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.PRIVACY_OFFICER));
        granted.put(Permission.CONSENT_READ, EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.PRIVACY_OFFICER));
        granted.put(Permission.RETENTION_READ, EnumSet.of(Role.PRIVACY_OFFICER, Role.AUDITOR, Role.OPERATOR));
        granted.put(Permission.RETENTION_MANAGE, EnumSet.of(Role.PRIVACY_OFFICER));
        granted.put(Permission.HOLD_READ, EnumSet.of(Role.PRIVACY_OFFICER, Role.AUDITOR, Role.OPERATOR));
        granted.put(Permission.HOLD_MANAGE, EnumSet.of(Role.PRIVACY_OFFICER));
        granted.put(Permission.ALERT_READ, EnumSet.of(Role.AUDITOR, Role.PRIVACY_OFFICER, Role.SUPERVISOR));
        granted.put(Permission.JOB_RUN, EnumSet.of(Role.OPERATOR, Role.AUDITOR));
        // An auditor may run verification, but only an operator may run the job that destroys data.
        granted.put(Permission.RETENTION_RUN, EnumSet.of(Role.OPERATOR));
        granted.put(Permission.JOB_READ, EnumSet.of(Role.OPERATOR, Role.AUDITOR));
        granted.put(Permission.BACKUP_RUN, EnumSet.of(Role.OPERATOR));
        // a legacy import (#24) writes customers and tickets in bulk: an operator's job, like every batch job
        granted.put(Permission.IMPORT_RUN, EnumSet.of(Role.OPERATOR));
        // operators run the system's accounts; never their own factor (the service refuses that)
        granted.put(Permission.SECOND_FACTOR_RESET, EnumSet.of(Role.OPERATOR));
        // pruning the trail removes evidence: the operator runs it, the auditor verifies what it left
        granted.put(Permission.AUDIT_PRUNE, EnumSet.of(Role.OPERATOR));
        granted.put(Permission.BACKUP_READ, EnumSet.of(Role.OPERATOR, Role.AUDITOR));
        // a scan stores nothing and reveals only what the caller sent: every signed-in role may use it
        granted.put(Permission.PII_SCAN, EnumSet.allOf(Role.class));
        // what is classified how, and who sees what, is not secret: everyone may know why a field is masked
        granted.put(Permission.POLICY_READ, EnumSet.allOf(Role.class));
        granted.put(Permission.POLICY_MANAGE, EnumSet.of(Role.PRIVACY_OFFICER));
        granted.put(Permission.GRANT_MANAGE, EnumSet.of(Role.SUPERVISOR));
        granted.put(Permission.GRANT_READ,
                EnumSet.of(Role.SUPERVISOR, Role.PRIVACY_OFFICER, Role.AUDITOR, Role.CONTRACTOR));
        granted.put(Permission.BREAK_GLASS, EnumSet.of(Role.SUPERVISOR));
        // those who read tickets or customers; what each may reveal is the matrix's REVEALABLE cells (#23)
        granted.put(Permission.FIELD_REVEAL, EnumSet.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR, Role.CONTRACTOR,
                Role.PRIVACY_OFFICER));
        granted.put(Permission.OVERRIDE_READ, EnumSet.of(Role.SUPERVISOR, Role.PRIVACY_OFFICER, Role.AUDITOR));
        granted.put(Permission.NOTIFICATION_READ, EnumSet.allOf(Role.class));
        // people administration (#22): auditors read who has which access; privacy officers approve the grants
        // that see personal data (four eyes) and run access reviews; nobody else changes users
        granted.put(Permission.USER_READ, EnumSet.of(Role.USER_ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR));
        granted.put(Permission.USER_MANAGE, EnumSet.of(Role.USER_ADMIN));
        granted.put(Permission.ROLE_GRANT_APPROVE, EnumSet.of(Role.USER_ADMIN, Role.PRIVACY_OFFICER));
        granted.put(Permission.ACCESS_REVIEW_MANAGE, EnumSet.of(Role.USER_ADMIN, Role.PRIVACY_OFFICER));
        // the auditor reads every campaign and decision (the evidence), and changes nothing
        granted.put(Permission.ACCESS_REVIEW_READ, EnumSet.of(Role.AUDITOR, Role.USER_ADMIN, Role.PRIVACY_OFFICER));
        granted.put(Permission.SERVICE_ACCOUNT_MANAGE, EnumSet.of(Role.USER_ADMIN, Role.OPERATOR));
        // the role the scim scope acts as; KEY_ONLY keeps it from people who hold that role
        granted.put(Permission.SCIM_PROVISION, EnumSet.of(Role.USER_ADMIN));
        // team leads: there is no lead role, supervisors lead the teams of their regions (#23)
        granted.put(Permission.MACRO_MANAGE, EnumSet.of(Role.SUPERVISOR));
        // master lists (#23): supervisors run the work and answer for how it is classified; people administrators
        // manage who has access, not the vocabulary of the work (and see no tickets to judge it by)
        granted.put(Permission.CATALOG_READ, EnumSet.allOf(Role.class));
        granted.put(Permission.CATALOG_MANAGE, EnumSet.of(Role.SUPERVISOR));
        // held mail (#24): the people who answer customers decide whether a mail really is from one
        granted.put(Permission.MAIL_HELD_MANAGE, EnumSet.of(Role.AGENT, Role.SUPERVISOR));
        // SLA (#25): supervisors run the work and set its targets; those who work or check it read them
        granted.put(Permission.SLA_READ, EnumSet.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR, Role.AUDITOR));
        granted.put(Permission.SLA_MANAGE, EnumSet.of(Role.SUPERVISOR));
        // the SLA report (#25): supervisors answer for the targets, auditors check them (counts, no ticket data)
        granted.put(Permission.SLA_REPORT, EnumSet.of(Role.SUPERVISOR, Role.AUDITOR));
        // webhooks (#24): the role the webhooks scope acts as; KEY_ONLY keeps it from people who hold that role
        granted.put(Permission.WEBHOOK_MANAGE, EnumSet.of(Role.AGENT));
        // #24: whoever answers the customer's mail can pass their request on; the privacy officer works it
        granted.put(Permission.PRIVACY_REQUEST_FROM_TICKET, EnumSet.of(Role.AGENT, Role.SUPERVISOR,
                Role.PRIVACY_OFFICER));
        // governance SLOs (#25): each role sees the obligations it answers for; the auditor checks them all
        granted.put(Permission.SLO_PRIVACY_READ, EnumSet.of(Role.PRIVACY_OFFICER, Role.AUDITOR));
        granted.put(Permission.SLO_ACCESS_REVIEW_READ, EnumSet.of(Role.PRIVACY_OFFICER, Role.AUDITOR));
        granted.put(Permission.SLO_BACKUP_READ, EnumSet.of(Role.OPERATOR, Role.AUDITOR));
        granted.put(Permission.SLO_AUDIT_READ, EnumSet.of(Role.OPERATOR, Role.AUDITOR));
        granted.put(Permission.SLO_SECURITY_READ, EnumSet.of(Role.SUPERVISOR, Role.AUDITOR));
        // an evaluation opens incident tickets: the operator's, like the jobs and backups that do the same
        granted.put(Permission.SLO_EVALUATE, EnumSet.of(Role.OPERATOR));
        // #25 breach register: the privacy officer keeps it; the auditor checks it (Art. 33(5): the register lets
        // the authority verify compliance); the subjects appear by customer id only
        granted.put(Permission.BREACH_READ, EnumSet.of(Role.PRIVACY_OFFICER, Role.AUDITOR));
        granted.put(Permission.BREACH_MANAGE, EnumSet.of(Role.PRIVACY_OFFICER));
        for (Permission permission : Permission.values()) {
            granted.putIfAbsent(permission, EnumSet.noneOf(Role.class));
            granted.put(permission, Collections.unmodifiableSet(granted.get(permission)));
        }
        GRANTED_TO = Collections.unmodifiableMap(granted);
    }

    @EJB
    private AuditService audit;

    @Inject
    private PolicyRepository policies;

    @Inject
    private AccessRepository access;

    @Inject
    private RestrictionRepository restrictions;

    @Inject
    private RevealGrantRepository reveals;

    /** The policy, transfer rules and restrictions, checked against the database's version on every call (#27). */
    @Inject
    private PolicyContextCache sharedContext;

    @Inject
    private AuthenticatedFacts authenticated;

    private final Clock clock = Clock.systemUTC();

    @Override
    public boolean allows(Caller caller, Permission permission) {
        if (!withinScopes(caller, permission)) {
            return false;
        }
        for (Role role : caller.roles()) {
            if (GRANTED_TO.get(permission).contains(role)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<Role> rolesGranted(Permission permission) {
        return GRANTED_TO.get(permission);
    }

    @Override
    public boolean allowsIn(Caller caller, Permission permission, Region region) {
        if (!withinScopes(caller, permission)) {
            return false;
        }
        for (Role role : caller.roles()) {
            if (GRANTED_TO.get(permission).contains(role)
                    && (!REGIONAL_ROLES.contains(role) || region != null && caller.regions().contains(region))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void enforce(Caller caller, Permission permission, String resourceType, String resourceId) {
        if (!allows(caller, permission)) {
            deny(caller, permission, resourceType, resourceId, !caller.isScoped() && KEY_ONLY.contains(permission)
                    ? permission + " is for a service account's API key with the scope that names it, never a"
                            + " person's token"
                    : withinScopes(caller, permission)
                    ? "your roles (" + caller.rolesText() + ") do not allow " + permission
                    : "your key's scopes (" + String.join(",", caller.scopes()) + ") do not allow " + permission);
        }
    }

    @Override
    public AccessContext contextFor(Caller caller) {
        Instant now = clock.instant();
        boolean contractor = caller.hasRole(Role.CONTRACTOR);
        // a bearer token's authentication has just read the version and whether any reveal grant is in force
        Optional<CallerFacts> facts = authenticated.take(caller);
        PolicyContextCache.Shared shared = facts.map(f -> sharedContext.at(f.version()))
                .orElseGet(sharedContext::current);
        FieldPolicy snapshot = shared.policy();
        boolean mayReveal = snapshot.anyRevealable(caller.roles()) && allows(caller, Permission.FIELD_REVEAL)
                && facts.map(CallerFacts::revealGrants).orElse(true);
        return new AccessContext(caller, snapshot, now, shared.transferRules(),
                contractor ? access.activeGrants(caller.username(), now) : List.of(),
                allows(caller, Permission.BREAK_GLASS) ? access.activeOverrides(caller.username(), now) : List.of(),
                grantedTo(caller), shared.restrictedCustomers(),
                // read only for callers who may reveal anything at all and may hold a grant: fewer queries
                mayReveal ? reveals.active(caller.username(), now) : List.of());
    }

    /** Scopes limit a service account's key (#22): a permission outside them is as if no role had it. */
    static boolean withinScopes(Caller caller, Permission permission) {
        if (KEY_ONLY.contains(permission) && !caller.isScoped()) {
            return false;
        }
        return !caller.isScoped() || ApiScope.permissionsOf(caller.scopes()).contains(permission);
    }

    /**
     * The role table this caller's decisions use: the whole one for people; for a scoped caller the same with every
     * permission outside the scopes granted to nobody, so record decisions and searches refuse them like a role would.
     */
    static Map<Permission, Set<Role>> grantedTo(Caller caller) {
        if (!caller.isScoped()) {
            return GRANTED_TO;
        }
        Set<Permission> open = ApiScope.permissionsOf(caller.scopes());
        Map<Permission, Set<Role>> scoped = new EnumMap<>(Permission.class);
        GRANTED_TO.forEach((permission, roles) -> scoped.put(permission,
                open.contains(permission) ? roles : Collections.emptySet()));
        return Collections.unmodifiableMap(scoped);
    }

    @Override
    public Decision authorize(AccessContext context, Permission permission, ResourceScope scope) {
        AccessContext.Outcome outcome = context.decide(permission, scope);
        if (outcome.concealed()) {
            // audited as a refusal (repeated probing raises an alert), answered exactly like an unknown id
            audit.record(context.caller(), permission.name(), scope.type(), scope.id(), null, AuditOutcome.DENIED);
            throw new ResourceNotFoundException(scope.type().toLowerCase(Locale.ROOT), scope.id());
        }
        if (!outcome.allowed()) {
            deny(context.caller(), permission, scope.type(), scope.id(), outcome.refusal());
        }
        return outcome.decision();
    }

    @Override
    public Decision authorizeReveal(AccessContext context, ResourceScope scope, List<String> fieldKeys) {
        Caller caller = context.caller();
        String type = scope.type();
        if (!allows(caller, Permission.FIELD_REVEAL)) {
            deny(caller, Permission.FIELD_REVEAL, type, scope.id(), withinScopes(caller, Permission.FIELD_REVEAL)
                    ? "your roles (" + caller.rolesText() + ") may not reveal data"
                    : "revealing data is for a person with a reason, never an API key");
        }
        Decision decision = authorize(context,
                "CUSTOMER".equals(type) ? Permission.CUSTOMER_READ : Permission.TICKET_READ, scope);
        List<String> alreadyFull = new java.util.ArrayList<>();
        for (String key : fieldKeys) {
            int dot = key.indexOf('.');
            Visibility visibility = decision.visibilityOf(key.substring(0, dot), key.substring(dot + 1));
            String words = FieldWords.of(key);
            switch (visibility) {
                case REVEALABLE -> {
                    // the one case a reveal is for
                }
                case FULL -> alreadyFull.add(words);
                case MASKED -> deny(caller, Permission.FIELD_REVEAL, type, scope.id(), "you see " + words
                        + " masked, and your role (" + caller.rolesText() + ") may not reveal it; ask a colleague"
                        + " who may, or your privacy officer");
                case HIDDEN -> deny(caller, Permission.FIELD_REVEAL, type, scope.id(), "you may not see " + words
                        + " at all (your role " + caller.rolesText() + ", or the record's region), so it cannot be"
                        + " revealed");
            }
        }
        if (!alreadyFull.isEmpty()) {
            // nothing to reveal: asking is a mistake worth telling, and no grant should pretend to widen anything
            throw new DomainRuleViolationException("fields", "you already see " + String.join(" and ", alreadyFull)
                    + " in full: there is nothing to reveal");
        }
        return decision;
    }

    @Override
    public List<AccessContext.SearchArea> searchAreas(AccessContext context, Permission permission, Region requested) {
        if (!context.rolesAllow(permission) && !context.onlyAsContractor(permission)) {
            deny(context.caller(), permission, "TICKET", requested == null ? null : "region=" + requested,
                    "your roles (" + context.caller().rolesText() + ") do not allow " + permission);
        }
        List<AccessContext.SearchArea> areas = context.searchAreas(permission, requested);
        if (areas.isEmpty() && context.onlyAsContractor(permission)) {
            deny(context.caller(), permission, "TICKET", requested == null ? null : "region=" + requested,
                    context.grants().isEmpty()
                            ? "you have no active access grant (contractors see nothing without one)"
                            : "none of your active access grants covers region " + requested);
        }
        return areas;
    }

    @Override
    public Map<String, String> refusalsFor(List<Caller> users, Permission permission, ResourceScope scope) {
        Instant now = clock.instant();
        // read once for all of them: the list of who may work a ticket decides for every candidate
        FieldPolicy snapshot = policies.snapshot();
        List<TransferRule> transfers = access.transferRules(true);
        Set<Long> restricted = restrictions.restrictedCustomers();
        Map<String, String> refused = new LinkedHashMap<>();
        for (Caller user : users) {
            AccessContext context = new AccessContext(user, snapshot, now, transfers,
                    user.hasRole(Role.CONTRACTOR) ? access.activeGrants(user.username(), now) : List.of(),
                    List.of(), GRANTED_TO, restricted);
            String why = SubjectRefusal.of(context, permission, scope);
            if (why != null) {
                refused.put(user.username(), why);
            }
        }
        return refused;
    }

    @Override
    public java.util.Optional<Decision> decisionFor(Caller user, Permission permission, ResourceScope scope) {
        Instant now = clock.instant();
        // the context refusalsFor builds: who someone is by their account, not by a break-glass of theirs
        AccessContext context = new AccessContext(user, policies.snapshot(), now, access.transferRules(true),
                user.hasRole(Role.CONTRACTOR) ? access.activeGrants(user.username(), now) : List.of(),
                List.of(), GRANTED_TO, restrictions.restrictedCustomers());
        return java.util.Optional.ofNullable(context.decide(permission, scope).decision());
    }

    @Override
    public void rejectReserved(String entity, String field, String current, String value) {
        FieldViolation violation = Reserved.violation(entity, field, current, value);
        if (violation != null) {
            throw new DomainRuleViolationException(List.of(violation));
        }
    }

    private void deny(Caller caller, Permission permission, String resourceType, String resourceId, String why) {
        audit.record(caller, permission.name(), resourceType, resourceId, null, AuditOutcome.DENIED);
        throw new AccessDeniedException(why);
    }
}
