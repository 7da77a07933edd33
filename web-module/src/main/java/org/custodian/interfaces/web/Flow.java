package org.custodian.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.custodian.interfaces.web.i18n.Texts;

/**
 * Post-redirect-get for the portal's forms: an action that changed data answers with a redirect to its page (with
 * the page's view parameters, so the URL keeps e.g. the ticket id), its message carried over in the flash. A
 * reload then repeats nothing and Back never asks to resubmit.
 */
public final class Flow {

    private Flow() {
    }

    /** The message for the next page and the outcome that redirects to the current page, view parameters kept. */
    public static String done(String summary, String detail) {
        PageFailures.info(summary, detail);
        return again();
    }

    /** The message for the next page and {@code outcome}, a redirect ("?faces-redirect=true") to another page. */
    public static String doneAt(String outcome, String summary, String detail) {
        PageFailures.info(summary, detail);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return outcome;
    }

    /** The outcome that redirects to the current page with its view parameters, keeping this request's messages. */
    public static String again() {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return faces.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    /**
     * Redirects at once to a page of the application (path and query, no faces-redirect), keeping this request's
     * messages; null, the outcome that stays (the response is complete).
     */
    public static String redirect(String pathAndQuery) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        try {
            external.redirect(external.getRequestContextPath() + pathAndQuery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
        return null;
    }

    /** An error shown on the next page (after the redirect), e.g. when the page's record is gone. */
    public static void error(String detail) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, detail, detail));
    }

    /** A text of the portal's resource bundle in the user's language (the key itself when it is missing). */
    public static String text(String key, Object... arguments) {
        return Texts.get(key, arguments);
    }
}
