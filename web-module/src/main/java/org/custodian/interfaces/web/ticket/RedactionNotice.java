package org.custodian.interfaces.web.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentence a page shows where card numbers or secrets were removed from a text when it was saved (#20), so an
 * agent who reads a masked number knows it was cut at ingest rather than mistyped by the customer.
 */
final class RedactionNotice {

    private RedactionNotice() {
    }

    /**
     * "A card number was removed from this comment when it was saved." for the {@code redacted} note of a record
     * (a list of type names); null when there is none.
     */
    static String of(Object redacted, String from) {
        if (!(redacted instanceof List<?> types) || types.isEmpty()) {
            return null;
        }
        List<String> kinds = new ArrayList<>();
        for (Object type : types) {
            kinds.add(switch (String.valueOf(type)) {
                case "CREDIT_CARD" -> "a card number";
                case "SECRET" -> "a secret (password, key or token)";
                default -> "data of type " + String.valueOf(type).toLowerCase(Locale.ROOT).replace('_', ' ');
            });
        }
        String what = kinds.size() == 1 ? kinds.get(0)
                : String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1);
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + (kinds.size() == 1 ? " was" : " were")
                + " removed from " + from + " when it was saved; only a masked form is kept.";
    }
}
