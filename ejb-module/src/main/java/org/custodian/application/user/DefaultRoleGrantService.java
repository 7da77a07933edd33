package org.custodian.application.user;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.audit.FieldDigest;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.PageResult;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.user.FourEyes;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.RoleGrantRequest;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserAdministrationRepository;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultRoleGrantService implements RoleGrantService {

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private UserAdministrationRepository admin;

    @Inject
    private FieldDigest digest;

    private final Clock clock = Clock.systemUTC();

    @Override
    public PageResult<RoleGrantRequestView> list(Caller caller, String status, String username, int page, int size) {
        // the approvers (privacy officers) and the requesters (user administrators) both need to see them
        if (!policy.allows(caller, Permission.ROLE_GRANT_APPROVE)) {
            policy.enforce(caller, Permission.USER_READ, AuditActions.USER, null);
        }
        RuleCheck check = new RuleCheck();
        String wanted = status == null || status.isBlank() ? "PENDING" : status.trim().toUpperCase(Locale.ROOT);
        RoleGrantRequest.Status filter = null;
        if (!"ALL".equals(wanted)) {
            for (RoleGrantRequest.Status each : RoleGrantRequest.Status.values()) {
                if (each.name().equals(wanted)) {
                    filter = each;
                }
            }
            check.require(filter != null, "status", "must be PENDING, APPROVED, REJECTED, WITHDRAWN or ALL");
        }
        check.require(page >= 0, "page", "must be 0 or more")
                .require(size >= 1 && size <= DefaultUserAdministrationService.MAX_PAGE_SIZE, "size",
                        "must be 1 to " + DefaultUserAdministrationService.MAX_PAGE_SIZE)
                .optionalText(username, "username", 64).throwIfAny();
        String name = username == null || username.isBlank() ? null : username.trim().toLowerCase(Locale.ROOT);
        List<RoleGrantRequestView> found = admin.grantRequests(filter, name, page * size, size).stream()
                .map(RoleGrantRequestView::of).toList();
        return new PageResult<>(found, page, size, admin.countGrantRequests(filter, name));
    }

    @Override
    public RoleGrantRequestView approve(Caller caller, long id) {
        RoleGrantRequest request = decidable(caller, id);
        User user = admin.lockUser(request.getUsername()).orElseThrow(() -> new ResourceNotFoundException("user",
                request.getUsername()));
        if (!user.isEnabled()) {
            throw new ConflictException(user.getUsername() + " is disabled: enable the account before granting roles");
        }
        Instant now = clock.instant();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(user.getRoles());
        roles.add(request.getRole());
        String before = GrantRequests.names(user.getRoles());
        user.changeAccess(roles, user.getRegions(), caller.username(), now);
        request.decide(RoleGrantRequest.Status.APPROVED, caller.username(), null, now);
        audit.record(caller, AuditActions.ROLE_GRANT_APPROVE, AuditActions.USER, user.getUsername(),
                List.of("request=" + id, "role=" + request.getRole(), "requestedBy=" + request.getRequestedBy(),
                        "roles=" + before + "->" + GrantRequests.names(roles)), AuditOutcome.SUCCESS);
        return RoleGrantRequestView.of(request);
    }

    @Override
    public RoleGrantRequestView reject(Caller caller, long id, String reason) {
        new RuleCheck().requireText(reason, "reason", 5, 500).throwIfAny();
        RoleGrantRequest request = decidable(caller, id);
        request.decide(RoleGrantRequest.Status.REJECTED, caller.username(), reason.trim(), clock.instant());
        audit.record(caller, AuditActions.ROLE_GRANT_REJECT, AuditActions.USER, request.getUsername(),
                List.of("request=" + id, "role=" + request.getRole(), "requestedBy=" + request.getRequestedBy(),
                        "reason=" + digest.of("roleGrant.reason", reason.trim())), AuditOutcome.SUCCESS);
        return RoleGrantRequestView.of(request);
    }

    /** A pending request the caller may decide: permitted, neither its requester nor its subject. */
    private RoleGrantRequest decidable(Caller caller, long id) {
        policy.enforce(caller, Permission.ROLE_GRANT_APPROVE, AuditActions.USER, "role-grant-request/" + id);
        RoleGrantRequest request = admin.findGrantRequest(id)
                .orElseThrow(() -> new ResourceNotFoundException("role grant request", id));
        String refusal = FourEyes.refusal(caller.username(), request.getRequestedBy(), request.getUsername());
        if (refusal != null) {
            audit.record(caller, AuditActions.ROLE_GRANT_APPROVE, AuditActions.USER, request.getUsername(),
                    List.of("request=" + id, "role=" + request.getRole(), "refused=four-eyes"), AuditOutcome.DENIED);
            throw new AccessDeniedException(refusal);
        }
        if (!request.isPending()) {
            throw new ConflictException("request " + id + " is " + request.getStatus() + " already");
        }
        return request;
    }
}
