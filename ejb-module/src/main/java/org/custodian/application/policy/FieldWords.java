package org.custodian.application.policy;

import java.util.Locale;
import java.util.Map;

/** A classified field in plain words for refusals ("the customer's phone number"), never its internal key. */
public final class FieldWords {

    private static final Map<String, String> KNOWN = Map.of(
            "customer.name", "the customer's name",
            "customer.email", "the customer's e-mail address",
            "customer.phone", "the customer's phone number",
            "customer.nationalId", "the customer's national ID number",
            "customer.externalId", "the customer's reference in other systems",
            "ticket.subject", "the ticket's subject",
            "ticket.description", "the ticket's description",
            "comment.body", "the text of comments");

    private FieldWords() {
    }

    /** {@code customer.phone} becomes "the customer's phone number"; an unlisted field is spelt out from its name. */
    public static String of(String fieldKey) {
        String known = KNOWN.get(fieldKey);
        if (known != null) {
            return known;
        }
        int dot = fieldKey.indexOf('.');
        String entity = dot < 0 ? "record" : fieldKey.substring(0, dot);
        String field = fieldKey.substring(dot + 1).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return "the " + entity + "'s " + field;
    }
}
