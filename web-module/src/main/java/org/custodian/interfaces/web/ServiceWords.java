package org.custodian.interfaces.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.interfaces.web.i18n.Texts;

/**
 * The services' most common sentences (written for the API, in English) in the page's language (#23): a broken
 * text rule, a text with control characters, a record that does not exist. The API keeps its own words; only the
 * portal says them again from the bundle. A sentence not listed here is shown as the service said it.
 */
final class ServiceWords {

    private record Rule(Pattern pattern, String key) {
    }

    private static final List<Rule> RULES = List.of(
            rule("is required and must not be blank", "failure.rule.required"),
            rule("must be at most ([0-9]+) characters", "failure.rule.max"),
            rule("must be at least ([0-9]+) characters: say specifically why \\(it is kept in the audit trail\\)",
                    "failure.rule.reasonMin"),
            rule("must be one line of text without control characters", "failure.rule.oneLine"),
            rule("must be text without control characters \\(line breaks and tabs are fine\\)", "failure.rule.multiline"),
            rule("must not contain control characters \\(U\\+([0-9A-F]{4,6}) at position ([0-9]+)\\);"
                    + " only tab, line feed and carriage return are allowed", "failure.text.control"),
            rule("must be valid Unicode text \\(an unpaired surrogate U\\+([0-9A-F]{4,6}) at position ([0-9]+)\\)",
                    "failure.text.surrogate"));

    private static final Pattern NOT_FOUND = Pattern.compile("([a-z][a-z ]{0,40}) ([0-9A-Za-z._@-]{1,100}) does not exist");

    private ServiceWords() {
    }

    private static Rule rule(String regex, String key) {
        return new Rule(Pattern.compile(regex), key);
    }

    /** {@code message} in the page's language where it is one of the known sentences, else unchanged. */
    static String of(String message) {
        return of(Texts.currentLocale(), message);
    }

    static String of(Locale locale, String message) {
        if (message == null) {
            return null;
        }
        String text = message.trim();
        for (Rule rule : RULES) {
            Matcher matched = rule.pattern().matcher(text);
            if (matched.matches()) {
                Object[] arguments = new Object[matched.groupCount()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = matched.group(i + 1); // text, not numbers: "1000", never "1,000"
                }
                return Texts.in(locale, rule.key(), arguments);
            }
        }
        Matcher missing = NOT_FOUND.matcher(text);
        if (missing.matches()) {
            return Texts.in(locale, "failure.rule.notFound", thing(locale, missing.group(1)), missing.group(2));
        }
        return message;
    }

    /** "ticket": the word for a kind of record, as the page's language names it (the kind itself if unknown). */
    static String thing(Locale locale, String kind) {
        String key = "thing." + kind.trim().replace(' ', '.');
        String word = Texts.in(locale, key);
        return word.equals(key) ? kind : word;
    }

    /** An input's name as a person says it: "customerId" is "customer"; unknown names split at capitals. */
    static String field(String field) {
        String key = "field." + field;
        String word = Texts.get(key);
        if (!word.equals(key)) {
            return word;
        }
        if (field.endsWith("Id")) {
            String shorter = "field." + field.substring(0, field.length() - 2);
            word = Texts.get(shorter);
            if (!word.equals(shorter)) {
                return word;
            }
        }
        return null;
    }
}
