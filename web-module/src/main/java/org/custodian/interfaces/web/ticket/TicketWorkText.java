package org.custodian.interfaces.web.ticket;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The #23 ticket-work beans' words from the portal's bundle, times for people, and the redirect after a change. */
final class TicketWorkText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TicketWorkText() {
    }

    static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String pattern = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
        return arguments.length == 0 ? pattern : MessageFormat.format(pattern, arguments);
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** Post-redirect-get back to the ticket, the messages kept for the next page. */
    static String backTo(long ticketId) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/ticket.xhtml?faces-redirect=true&id=" + ticketId;
    }
}
