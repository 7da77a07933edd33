package org.custodian.interfaces.web.i18n;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The portal's words for Java code (messages a bean adds, labels it builds), in the language of the page being
 * shown: {@code Texts.get("people.saved", name)}. The same bundle as {@code #{msg['key']}} on the pages; arguments
 * fill {@code {0}}, {@code {1}} as in {@link MessageFormat} (so a literal apostrophe is written {@code ''}).
 */
public final class Texts {

    public static final String BUNDLE = "org.custodian.interfaces.web.i18n.Messages";

    private Texts() {
    }

    /** The text for {@code key} in the current page's language; the key itself if the bundle lacks it. */
    public static String get(String key, Object... arguments) {
        return in(currentLocale(), key, arguments);
    }

    public static String in(Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** The text for {@code key}, or empty when the bundle has none (for labels of values). */
    static String optional(Locale locale, String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** The language of the page being shown; English outside a request. */
    public static Locale currentLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot() != null && faces.getViewRoot().getLocale() != null) {
            return faces.getViewRoot().getLocale();
        }
        return Locale.ENGLISH;
    }
}
