package org.custodian.interfaces.web.ticket;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.application.ticket.ReopenOption;
import org.custodian.application.ticket.TicketView;
import org.custodian.interfaces.web.PageFailures;

/** #23: a resolved or closed ticket offers a reopen with a reason within the window, else a follow-up ticket. */
@Named
@ViewScoped
public class TicketReopenBean extends TicketWorkSection {

    private static final long serialVersionUID = 1L;

    @Inject
    TicketStaleNotice stale;

    private ReopenOption option;
    private boolean asked;
    private String reason;
    private String followUpSubject;
    private String followUpDescription;

    /** REOPEN, FOLLOW_UP or NONE; NONE too for users who may not change the ticket (nothing is offered). */
    public String getApplies() {
        if (!asked) {
            asked = true;
            if (ticketBean.getId() != null && portal.may("TICKET_WRITE")) {
                try {
                    option = work.reopenOption(portal.get(), ticketBean.getId());
                } catch (RuntimeException e) {
                    option = null;
                }
            }
        }
        return option == null ? "NONE" : option.applies();
    }

    public String getReopenUntil() {
        return option == null ? "" : TicketWorkText.time(option.reopenUntil());
    }

    public int getWindowDays() {
        return option == null ? 0 : option.windowDays();
    }

    public String reopen() {
        try {
            work.reopen(portal.get(), ticketBean.getId(), reason, ticketBean.getVersion());
            return TicketWorkText.doneBackTo(ticketBean.getId(), "reopen.done", String.valueOf(ticketBean.getId()));
        } catch (RuntimeException e) {
            stale.showOr(e, "reopen");
            return null;
        }
    }

    public String followUp() {
        return PageFailures.attempt("followUp", () -> {
            TicketView created = work.followUp(portal.get(), ticketBean.getId(), followUpSubject, followUpDescription);
            return TicketWorkText.doneBackTo(created.id(), "followUp.done", String.valueOf(created.id()),
                    String.valueOf(ticketBean.getId()));
        });
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getFollowUpSubject() {
        return followUpSubject;
    }

    public void setFollowUpSubject(String followUpSubject) {
        this.followUpSubject = followUpSubject;
    }

    public String getFollowUpDescription() {
        return followUpDescription;
    }

    public void setFollowUpDescription(String followUpDescription) {
        this.followUpDescription = followUpDescription;
    }
}
