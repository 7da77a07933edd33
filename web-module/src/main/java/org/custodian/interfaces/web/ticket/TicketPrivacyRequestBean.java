package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.custodian.application.privacy.TicketPrivacyRequests;
import org.custodian.domain.model.privacy.PrivacyRequestType;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/** #24: the ticket's mail asks for access, erasure and the like; the agent makes it a subject request in one step. */
@Named
@ViewScoped
public class TicketPrivacyRequestBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TicketPrivacyRequests fromTickets;

    @Inject
    PortalCaller portal;

    @Inject
    TicketBean ticketBean;

    private String type;

    /** Shown only to users the policy lets make a request from a ticket. */
    public boolean isOffered() {
        return ticketBean.getId() != null && portal.may("PRIVACY_REQUEST_FROM_TICKET");
    }

    public List<String> getTypes() {
        return Arrays.stream(PrivacyRequestType.values()).map(Enum::name).toList();
    }

    public String make() {
        return PageFailures.attempt("privacyRequest", () -> {
            TicketPrivacyRequests.Made made = fromTickets.fromTicket(portal.get(), ticketBean.getId(), type);
            return TicketWorkText.doneBackTo(ticketBean.getId(), "privacyFromTicket.done", String.valueOf(made.id()),
                    TicketWorkText.time(made.dueAt()));
        });
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
