package org.custodian.application.macro;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.audit.ReadAudit;
import org.custodian.application.customer.CustomerView;
import org.custodian.application.policy.AccessContext;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.policy.Shown;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.macro.Macro;
import org.custodian.domain.model.ticket.Ticket;

/**
 * Fills one macro for one ticket with what the policy shows the user: a masked value goes in masked, a hidden one
 * is left out with a note (so the agent knows to ask or write it). What was shown is audited as a read.
 */
final class MacroFilling {

    private final PolicyService policy;
    private final AuditService audit;
    private final AccessContext context;
    private final Decision onTicket;

    MacroFilling(PolicyService policy, AuditService audit, AccessContext context, Decision onTicket) {
        this.policy = policy;
        this.audit = audit;
        this.context = context;
        this.onTicket = onTicket;
    }

    FilledMacro fill(Macro macro, Ticket ticket, String agentName) {
        Shown ticketShown = onTicket.show("ticket").structural("id", ticket.getId())
                .text("subject", ticket.getSubject(), ticket.getSubjectMasked());
        Customer customer = ticket.getCustomer();
        Shown customerShown = null;
        List<String> notes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Matcher matcher = Macro.PLACEHOLDER.matcher(macro.getBody());
        while (matcher.find()) {
            String placeholder = matcher.group(1);
            Object value = switch (placeholder) {
                case "ticket.id" -> ticket.getId();
                case "ticket.subject" -> ticketShown.body().get("subject");
                case "agent.name" -> agentName;
                case "customer.name" -> {
                    if (customerShown == null) {
                        customerShown = customer(customer);
                    }
                    yield customerShown == null ? null : customerShown.body().get("name");
                }
                default -> null;
            };
            if (value == null) {
                notes.add("{{" + placeholder + "}} was left out: you may not see it on this ticket");
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
        }
        matcher.appendTail(text);
        String resource = ticket.getId() + "/macro/" + macro.getId();
        ReadAudit.record(audit, context.caller(), AuditActions.TICKET_READ, AuditActions.TICKET, resource,
                ticketShown);
        if (customerShown != null) {
            ReadAudit.record(audit, context.caller(), AuditActions.CUSTOMER_READ, AuditActions.CUSTOMER,
                    String.valueOf(customer.getId()), customerShown);
        }
        return new FilledMacro(macro.getId(), ticket.getId(), text.toString(), notes);
    }

    /** The customer's name as the user may see the customer record; null when they may not read it at all. */
    private Shown customer(Customer customer) {
        if (!policy.refusalsFor(List.of(context.caller()), Permission.CUSTOMER_READ, ResourceScope.of(customer))
                .isEmpty()) {
            return null;
        }
        Decision decision = policy.authorize(context, Permission.CUSTOMER_READ, ResourceScope.of(customer));
        return decision.show(CustomerView.ENTITY).structural("id", customer.getId()).field("name", customer.getName());
    }
}
