package org.custodian.interfaces.web.customer;

import org.custodian.interfaces.web.i18n.Texts;

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
        return Texts.get(key, plain);
    }
}
