package org.custodian.interfaces.web.ticket;

import jakarta.faces.context.FacesContext;
import java.time.Instant;
import java.util.MissingResourceException;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.i18n.Times;

/** The #23 ticket-work beans' words from the portal's bundle, times for people, and the redirect after a change. */
final class TicketWorkText {

    private TicketWorkText() {
    }

    /** The text of {@code key}; MissingResourceException where the bundle has none (callers fall back to the value). */
    static String text(String key, Object... arguments) {
        String text = Texts.get(key, arguments);
        if (text.equals(key)) {
            throw new MissingResourceException("no text for " + key, "Messages", key);
        }
        return text;
    }

    static String time(Instant at) {
        return at == null ? "" : Times.forUser(at);
    }

    /** Post-redirect-get back to the ticket with the message {@code key} and its {@code key}Detail filled in. */
    static String doneBackTo(long ticketId, String key, String... detailArguments) {
        return Flow.doneAt(backTo(ticketId), text(key), text(key + "Detail", (Object[]) detailArguments));
    }

    /** Post-redirect-get back to the ticket, the messages kept for the next page. */
    static String backTo(long ticketId) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/ticket.xhtml?faces-redirect=true&id=" + ticketId;
    }
}
