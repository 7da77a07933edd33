package org.custodian.application.ticket;

import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;

/**
 * How the ticket services find the ticket a request names: the role first (so a caller without it learns nothing,
 * not even whether the id exists), then existence, a miss audited as a failed {@code action}. The record's own
 * decision (region, grant, override) follows with {@link PolicyService#authorize}.
 */
final class TicketLookup {

    private TicketLookup() {
    }

    static Ticket find(PolicyService policy, AuditService audit, TicketRepository tickets, Caller caller, long id,
            Permission permission, String action) {
        policy.enforce(caller, permission, AuditActions.TICKET, String.valueOf(id));
        Ticket ticket = tickets.find(id).orElse(null);
        if (ticket == null) {
            audit.record(caller, action, AuditActions.TICKET, String.valueOf(id), null, AuditOutcome.FAILURE);
            throw new ResourceNotFoundException("ticket", id);
        }
        return ticket;
    }
}
