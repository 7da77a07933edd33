package org.custodian.application.ticket;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;
import org.custodian.domain.shared.DomainRuleViolationException;

/**
 * Who a ticket may be assigned to (#22): an existing, enabled user whom the policy lets write that ticket, decided
 * as it would be if they opened it themselves (their roles, regions and grants). Anything else is refused with a
 * 422 that names the user and why, instead of a queue entry nobody can work.
 */
final class Assignees {

    private Assignees() {
    }

    /** Refuses (422 on {@code assignee}) a user who may not work the ticket that {@code scope} describes. */
    static void requireAssignable(PolicyService policy, UserRepository users, String username, ResourceScope scope) {
        User user = users.findByUsername(username).orElse(null);
        String why;
        if (user == null) {
            why = "unknown user: nobody has this username here";
        } else if (!user.isEnabled()) {
            why = "disabled: the user may not sign in";
        } else {
            why = policy.refusalsFor(List.of(asCaller(user)), Permission.TICKET_WRITE, scope).get(username);
        }
        if (why != null) {
            throw new DomainRuleViolationException("assignee", "'" + username + "' cannot be assigned this ticket: "
                    + why);
        }
    }

    /** The enabled users who may work the ticket, by username. */
    static List<AssignableUser> of(PolicyService policy, UserRepository users, ResourceScope scope) {
        // only the roles the policy lets write tickets at all are worth a decision each
        Set<Role> writing = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (policy.allows(new Caller("role-probe", Set.of(role), Set.of(), null, null), Permission.TICKET_WRITE)) {
                writing.add(role);
            }
        }
        List<User> candidates = users.findEnabledWithAnyRole(writing);
        List<Caller> callers = candidates.stream().map(Assignees::asCaller).toList();
        Map<String, String> refused = policy.refusalsFor(callers, Permission.TICKET_WRITE, scope);
        List<AssignableUser> assignable = new ArrayList<>();
        for (User user : candidates) {
            if (!refused.containsKey(user.getUsername())) {
                assignable.add(new AssignableUser(user.getUsername(), user.getDisplayName()));
            }
        }
        return assignable;
    }

    /** The user as the policy would see them if they signed in (no request of theirs: no coordinates). */
    static Caller asCaller(User user) {
        return new Caller(user.getUsername(), user.getRoles(), user.getRegions(), null, null);
    }
}
