package org.custodian.application.ticket;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.audit.ReadAudit;
import org.custodian.application.policy.AccessContext;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.policy.Shown;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.PageResult;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;

@Stateless
public class DefaultCustomerTicketService implements CustomerTicketService {

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private CustomerRepository customers;

    @Inject
    private TicketRepository tickets;

    @Override
    public PageResult<TicketView> ticketsOf(Caller caller, long customerId) {
        policy.enforce(caller, Permission.TICKET_READ, AuditActions.TICKET, null);
        AccessContext context = policy.contextFor(caller);
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> new ResourceNotFoundException("customer", customerId));
        // the customer's record first: a restricted one (or one the caller may not read) lists nothing
        policy.authorize(context, Permission.CUSTOMER_READ, ResourceScope.of(customer));
        List<Ticket> all = new ArrayList<>(tickets.ofCustomers(List.of(customerId)));
        Collections.reverse(all);
        List<Ticket> listed = new ArrayList<>();
        List<Shown> shown = new ArrayList<>();
        long total = 0;
        for (Ticket ticket : all) {
            // decided one by one like a search: tickets the caller may not know of (alerts) are simply not there
            AccessContext.Outcome outcome = context.decide(Permission.TICKET_READ, ResourceScope.of(ticket));
            if (!outcome.allowed()) {
                continue;
            }
            total++;
            if (listed.size() < MAX_LISTED) {
                listed.add(ticket);
                shown.add(TicketView.show(outcome.decision(), ticket));
            }
        }
        String ids = listed.stream().map(ticket -> String.valueOf(ticket.getId())).collect(Collectors.joining(","));
        ReadAudit.record(audit, caller, AuditActions.TICKET_SEARCH, AuditActions.TICKET, ids.isEmpty() ? null : ids,
                shown);
        List<TicketView> items = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            items.add(TicketView.of(shown.get(i), listed.get(i)));
        }
        return new PageResult<>(items, 0, MAX_LISTED, total);
    }
}
