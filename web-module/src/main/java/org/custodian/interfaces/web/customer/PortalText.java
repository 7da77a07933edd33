package org.custodian.interfaces.web.customer;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;

/** The portal's words from the resource bundle {@code msg}, in the user's language, for texts built in beans. */
final class PortalText {

    private PortalText() {
    }

    /** Numbers are passed as plain digits (no grouping: "customer 1050", not "customer 1,050"). */
    static String of(String key, Object... arguments) {
        Object[] plain = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            plain[i] = arguments[i] instanceof Number ? String.valueOf(arguments[i]) : arguments[i];
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        String pattern;
        try {
            pattern = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
        } catch (MissingResourceException | NullPointerException e) {
            pattern = key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, faces.getViewRoot() == null ? null
                : faces.getViewRoot().getLocale()).format(plain);
    }
}
