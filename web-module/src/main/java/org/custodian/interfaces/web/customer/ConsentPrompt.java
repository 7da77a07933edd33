package org.custodian.interfaces.web.customer;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.custodian.application.ticket.ConsentRequiredException;

/**
 * A chat comment refused for missing consent, in the portal: the message in the user's words, and the customer
 * whose page's consent section the ticket page then links to (ticket-consent-needed.xhtml), instead of the API path
 * the service's message names.
 */
public final class ConsentPrompt {

    /** The request attribute the ticket page's prompt reads: the customer's id. */
    public static final String ATTRIBUTE = "consentNeededFor";

    private ConsentPrompt() {
    }

    public static void offer(FacesContext faces, ConsentRequiredException refusal) {
        faces.getExternalContext().getRequestMap().put(ATTRIBUTE, refusal.getCustomerId());
        String text = PortalText.of("consent.needed");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        faces.validationFailed();
    }
}
