package org.custodian.interfaces.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.application.policy.Permission;

/**
 * The one place where what a service says (written for the API: field names, permission names) becomes a sentence
 * for a person on a page: "ticketId ticket is CLOSED…" becomes "This ticket is closed…", "do not allow
 * CUSTOMER_WRITE" becomes "do not let you register or change customers".
 */
final class PlainWords {

    private static final Pattern PERMISSION = Pattern.compile("\\b[A-Z]+(?:_[A-Z]+)+\\b");
    private static final Pattern REFUSED = Pattern.compile(
            "^your (?:roles \\([^)]*\\)|key's scopes \\([^)]*\\)) do not allow ([A-Z_]+)$");

    private PlainWords() {
    }

    /** A broken rule: next to its input only the rule; elsewhere the field named as a person would. */
    static String violation(String field, String message, boolean besideItsInput) {
        String text = message == null ? "" : message.trim();
        if (text.contains("is CLOSED")) {
            return Flow.text("failure.closed");
        }
        text = sentence(ServiceWords.of(text));
        return besideItsInput ? text : capitalized(fieldWords(field)) + ": " + text;
    }

    /** A refusal or conflict in words: permission names replaced by what they let one do. */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return Flow.text("failure.unexpected");
        }
        Matcher refused = REFUSED.matcher(message.trim());
        if (refused.matches()) {
            return Flow.text("failure.notAllowed", permissionWords(refused.group(1)));
        }
        Matcher names = PERMISSION.matcher(ServiceWords.of(message));
        StringBuilder said = new StringBuilder();
        while (names.find()) {
            names.appendReplacement(said, Matcher.quoteReplacement(isPermission(names.group())
                    ? permissionWords(names.group()) : names.group()));
        }
        names.appendTail(said);
        return said.toString();
    }

    /** What a permission lets one do, e.g. CUSTOMER_WRITE: "register or change customers". */
    static String permissionWords(String permission) {
        String key = "permission." + permission;
        String words = Flow.text(key);
        return words.equals(key) ? Flow.text("permission.other") : words;
    }

    /** customerId: "customer"; productSku: "product" (the bundle's field.* words, #23); unknown names split at capitals. */
    static String fieldWords(String field) {
        if (field == null || field.isBlank()) {
            return "";
        }
        String named = ServiceWords.field(field);
        if (named != null) {
            return named;
        }
        String words = field.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return words.endsWith(" id") ? words.substring(0, words.length() - 3) : words;
    }

    private static boolean isPermission(String name) {
        for (Permission permission : Permission.values()) {
            if (permission.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
