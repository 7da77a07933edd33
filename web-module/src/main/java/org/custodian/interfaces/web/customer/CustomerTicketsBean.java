package org.custodian.interfaces.web.customer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.PageResult;
import org.custodian.application.ticket.CustomerTicketService;
import org.custodian.application.ticket.TicketView;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.ticket.CustomerBean;

/** The tickets section of a customer's page: read once per request, as the policy shows them. */
@Named
@RequestScoped
public class CustomerTicketsBean {

    @EJB
    CustomerTicketService tickets;

    @EJB
    PolicyService policy;

    @Inject
    PortalCaller portal;

    @Inject
    CustomerBean customer;

    private Long loadedFor;
    private List<Map<String, Object>> rows = List.of();
    private long total;

    /** Whether this user may list tickets at all (the section is left out otherwise). */
    public boolean isShown() {
        return portal.isSignedIn() && policy.allows(portal.get(), Permission.TICKET_READ);
    }

    /** The tickets of the customer the page shows. */
    public List<Map<String, Object>> getRows() {
        return of(customer.getId());
    }

    public List<Map<String, Object>> of(Long customerId) {
        if (customerId == null) {
            return List.of();
        }
        if (!customerId.equals(loadedFor)) {
            loadedFor = customerId;
            try {
                PageResult<TicketView> found = tickets.ticketsOf(portal.get(), customerId);
                rows = found.items().stream().map(TicketView::body).toList();
                total = found.total();
            } catch (RuntimeException e) {
                PageFailures.show(e, null);
                rows = List.of();
            }
        }
        return rows;
    }

    /** "3 tickets", or "50 of 72 tickets, newest first" when the list is cut. */
    public String getSummary() {
        getRows();
        return rows.size() < total ? PortalText.of("customer.tickets.cut", rows.size(), total)
                : PortalText.of("customer.tickets.count", total);
    }

    /** A row's subject as shown, or a note when the policy holds it back. */
    public String subject(Map<String, Object> row) {
        Object subject = row.get("subject");
        return subject == null ? PortalText.of("customer.tickets.subjectHidden") : String.valueOf(subject);
    }
}
