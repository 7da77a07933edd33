package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.custodian.application.shared.StaleVersionException;
import org.custodian.application.ticket.HistoryEntry;
import org.custodian.interfaces.web.PageFailures;

/**
 * #23: a save or status change against the version this page showed, when someone else changed the ticket since,
 * says who and when (from the activity history) and offers a reload; nothing is overwritten.
 */
@Named
@ViewScoped
public class TicketStaleNotice extends TicketWorkSection {

    private static final long serialVersionUID = 1L;

    private String warning;

    /** Shows the stale-version warning for that failure, any other failure as usual. */
    public void showOr(RuntimeException failure, String formId) {
        Throwable cause = failure instanceof EJBException && failure.getCause() != null ? failure.getCause() : failure;
        if (!(cause instanceof StaleVersionException)) {
            PageFailures.show(failure, formId);
            return;
        }
        String who = TicketWorkText.text("stale.someone");
        String when = "";
        try {
            List<HistoryEntry> history = work.history(portal.get(), ticketBean.getId());
            if (!history.isEmpty()) {
                HistoryEntry last = history.get(history.size() - 1);
                who = last.actor();
                when = TicketWorkText.time(last.at());
            }
        } catch (RuntimeException e) {
            // the warning stands without the name: the change is refused either way
        }
        warning = TicketWorkText.text("stale.warning", who, when);
        jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
    }

    public String getWarning() {
        return warning;
    }
}
