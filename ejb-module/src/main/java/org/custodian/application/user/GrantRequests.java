package org.custodian.application.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.RoleGrantRequest;
import org.custodian.domain.model.user.UserAdministrationRepository;

/** Opening and withdrawing four-eyes requests, inside the transaction of the change that asks for them. */
@ApplicationScoped
public class GrantRequests {

    @Inject
    UserAdministrationRepository admin;

    @Inject
    AuditService audit;

    /** Opens a request for each role not asked for already (asking twice finds the first request). */
    void open(Caller caller, String username, Set<Role> roles, Instant now) {
        Set<Role> open = admin.pendingGrantRequests(username).stream().map(RoleGrantRequest::getRole)
                .collect(Collectors.toSet());
        for (Role role : roles) {
            if (!open.contains(role)) {
                RoleGrantRequest request = new RoleGrantRequest(username, role, caller.username(), now);
                admin.store(request);
                admin.flushForId();
                audit.record(caller, AuditActions.ROLE_GRANT_REQUEST, AuditActions.USER, username,
                        List.of("request=" + request.getId(), "role=" + role), AuditOutcome.SUCCESS);
            }
        }
    }

    /** Withdraws the open requests for roles outside {@code stillWanted} (null: all of them). */
    void withdraw(Caller caller, String username, Set<Role> stillWanted, String why, Instant now) {
        for (RoleGrantRequest request : admin.pendingGrantRequests(username)) {
            if (stillWanted == null || !stillWanted.contains(request.getRole())) {
                request.decide(RoleGrantRequest.Status.WITHDRAWN, caller.username(), why, now);
                audit.record(caller, AuditActions.ROLE_GRANT_WITHDRAW, AuditActions.USER, username,
                        List.of("request=" + request.getId(), "role=" + request.getRole(), "why=" + why),
                        AuditOutcome.SUCCESS);
            }
        }
    }

    List<RoleGrantRequestView> pending(String username) {
        return admin.pendingGrantRequests(username).stream().map(RoleGrantRequestView::of).toList();
    }

    /** A set of roles or regions as the audit trail records it: sorted names joined by '+', or "none". */
    static String names(Collection<? extends Enum<?>> values) {
        return values.isEmpty() ? "none" : values.stream().map(Enum::name).sorted().collect(Collectors.joining("+"));
    }
}
