package org.custodian.interfaces.web.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodian.interfaces.web.i18n.Texts;

/**
 * The sentence a page shows where card numbers or secrets were removed from a text when it was saved (#20), so an
 * agent who reads a masked number knows it was cut at ingest rather than mistyped by the customer. In the page's
 * language (#23): the kinds, "and" and the sentence come from the bundle.
 */
final class RedactionNotice {

    private RedactionNotice() {
    }

    /**
     * "A card number was removed from this comment when it was saved." for the {@code redacted} note of a record
     * (a list of type names), {@code fromKey} naming the text (e.g. {@code redaction.from.comment}); null when
     * there is none.
     */
    static String of(Object redacted, String fromKey) {
        if (!(redacted instanceof List<?> types) || types.isEmpty()) {
            return null;
        }
        List<String> kinds = new ArrayList<>();
        for (Object type : types) {
            String name = String.valueOf(type);
            String key = "redaction." + name;
            String kind = Texts.get(key);
            kinds.add(kind.equals(key)
                    ? Texts.get("redaction.other", name.toLowerCase(Locale.ROOT).replace('_', ' ')) : kind);
        }
        String what = kinds.size() == 1 ? kinds.get(0)
                : Texts.get("redaction.and", String.join(", ", kinds.subList(0, kinds.size() - 1)),
                        kinds.get(kinds.size() - 1));
        String sentence = Texts.get(kinds.size() == 1 ? "redaction.one" : "redaction.many", what, Texts.get(fromKey));
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
