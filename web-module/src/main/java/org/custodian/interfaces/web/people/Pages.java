package org.custodian.interfaces.web.people;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ActionEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.i18n.Times;

/**
 * What the people pages share: the flash for what is shown once (post-redirect-get is {@link Flow#redirect}), and
 * the client id of an input beside a button in a table row.
 */
final class Pages {

    private Pages() {
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
