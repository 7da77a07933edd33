package org.custodian.interfaces.web.people;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ActionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.custodian.interfaces.web.i18n.Times;

/**
 * What the people pages share: post-redirect-get (the messages survive the redirect, a reload repeats nothing),
 * the flash for what is shown once, and the client id of an input beside a button in a table row.
 */
final class Pages {

    private Pages() {
    }

    /** Redirects to a page of the application (path and query), keeping this request's messages. */
    static String redirect(String pathAndQuery) {
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

    /** Something for the next page only (a one-time link, a new key's secret): gone after that page shows it. */
    static void flash(String key, Object value) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put(key, value);
    }

    static Object flashed(String key) {
        return FacesContext.getCurrentInstance().getExternalContext().getFlash().get(key);
    }

    static String query(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** The client id of the input {@code id} in the same row (naming container) as the button clicked. */
    static String beside(ActionEvent event, String id) {
        String button = event.getComponent().getClientId();
        char separator = FacesContext.getCurrentInstance().getNamingContainerSeparatorChar();
        return button.substring(0, button.lastIndexOf(separator) + 1) + id;
    }

    static String time(Instant instant) {
        return instant == null ? "" : Times.forUser(instant);
    }
}
