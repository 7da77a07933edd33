package org.custodian.domain.model.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Mail no person wrote to us (RFC 3834 and common practice): it opens no ticket and gets no answer, or two help
 * desks (or a help desk and a vacation responder) would write to each other for ever.
 */
public final class AutomaticMail {

    private AutomaticMail() {
    }

    /**
     * Why the mail is automatic, or null when a person sent it.
     *
     * @param headers header values by lower-case name
     * @param fromKey the sender's address, trimmed and lower case
     * @param ownAddresses our own addresses (the from address and the mailboxes), lower case
     */
    public static String reason(Map<String, List<String>> headers, String fromKey, Set<String> ownAddresses) {
        if (fromKey != null && ownAddresses.contains(fromKey)) {
            return "sent from our own address (a loop)";
        }
        String autoSubmitted = first(headers, "auto-submitted");
        if (autoSubmitted != null) {
            String keyword = autoSubmitted.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (!keyword.equals("no")) {
                return "Auto-Submitted: " + keyword;
            }
        }
        String precedence = first(headers, "precedence");
        if (precedence != null) {
            String value = precedence.trim().toLowerCase(Locale.ROOT);
            if (value.equals("bulk") || value.equals("list") || value.equals("junk")) {
                return "Precedence: " + value;
            }
        }
        if (first(headers, "list-id") != null) {
            return "mailing-list mail (List-Id)";
        }
        // Microsoft's and others' vacation responders that predate RFC 3834
        if (first(headers, "x-autoreply") != null || first(headers, "x-autorespond") != null) {
            return "auto-reply (X-Autoreply)";
        }
        String suppress = first(headers, "x-auto-response-suppress");
        if (suppress != null && suppress.toLowerCase(Locale.ROOT).contains("all")
                && first(headers, "x-ms-exchange-generated-message-source") != null) {
            return "auto-reply (Exchange)";
        }
        return null;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
