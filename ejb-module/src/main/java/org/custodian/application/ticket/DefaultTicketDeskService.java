package org.custodian.application.ticket;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.AccessContext;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.user.UserRepository;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultTicketDeskService implements TicketDeskService {

    @EJB
    private TicketService tickets;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private CustomerRepository customers;

    @Inject
    private UserRepository users;

    @Inject
    private TeamAssignment teamAssignment;

    /** No transaction of its own: each ticket's change commits or rolls back alone (in TicketService). */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<BulkResult> bulk(Caller caller, List<Long> ticketIds, String field, String value) {
        policy.enforce(caller, Permission.TICKET_WRITE, AuditActions.TICKET, null);
        new RuleCheck()
                .require("assignee".equals(field) || "status".equals(field) || "team".equals(field), "field",
                        "must be assignee, team or status")
                .require(!"status".equals(field) || value != null, "status", "choose a status")
                .throwIfAny();
        Map<String, String> values = new HashMap<>();
        values.put(field, value);
        return apply(caller, ticketIds, values, field);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<BulkResult> bulkAssign(Caller caller, List<Long> ticketIds, String team, String assignee) {
        policy.enforce(caller, Permission.TICKET_WRITE, AuditActions.TICKET, null);
        Map<String, String> values = new HashMap<>();
        values.put("team", team);
        values.put("assignee", assignee);
        return apply(caller, ticketIds, values, "team and assignee");
    }

    private List<BulkResult> apply(Caller caller, List<Long> ticketIds, Map<String, String> values, String field) {
        new RuleCheck()
                .require(ticketIds != null && !ticketIds.isEmpty(), "ids", "choose at least one ticket")
                .require(ticketIds == null || ticketIds.size() <= MAX_BULK, "ids", "at most " + MAX_BULK
                        + " tickets at once")
                .throwIfAny();
        List<BulkResult> results = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ticketIds)) {
            try {
                tickets.revise(caller, id, new TicketChanges(values), null);
                results.add(new BulkResult(id, true, null));
            } catch (RuntimeException e) {
                Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
                if (!(cause instanceof RuntimeException)) {
                    throw e;
                }
                results.add(new BulkResult(id, false, reason(cause)));
                if (!(cause instanceof AccessDeniedException)) {
                    // the policy recorded its refusals itself; the rules' refusals are recorded here, per ticket
                    audit.record(caller, AuditActions.TICKET_UPDATE, AuditActions.TICKET, String.valueOf(id),
                            List.of("bulk " + field, "refused"), AuditOutcome.FAILURE);
                }
            }
        }
        return results;
    }

    private static String reason(Throwable cause) {
        if (cause instanceof DomainRuleViolationException violation) {
            return violation.getViolations().stream().map(FieldViolation::message)
                    .collect(Collectors.joining("; "));
        }
        return cause.getMessage();
    }

    @Override
    public Assignable assignableForNew(Caller caller, long customerId, String category) {
        policy.enforce(caller, Permission.TICKET_WRITE, AuditActions.TICKET, null);
        Customer customer = customers.find(customerId).orElse(null);
        if (customer == null || customer.getErasedAt() != null) {
            return new Assignable(List.of(), List.of());
        }
        AccessContext context = policy.contextFor(caller);
        String chosen = category == null || category.isBlank() ? null : category;
        try {
            policy.authorize(context, Permission.TICKET_WRITE, ResourceScope.newTicket(customer, chosen));
        } catch (AccessDeniedException e) {
            // the caller could not open this ticket: nobody to offer (the refusal is in the trail)
            return new Assignable(List.of(), List.of());
        }
        ResourceScope scope = ResourceScope.newTicket(customer, category);
        List<AssignableUser> people = Assignees.of(policy, users, scope);
        return new Assignable(teamAssignment.of(scope, people), people);
    }
}
