package org.custodian.domain.shared;

import java.util.Optional;

/**
 * What text may hold when it comes in from outside: no control characters but tab, line feed and carriage return,
 * and no unpaired surrogates. PostgreSQL refuses NUL in text outright, and the others are never typed by a person:
 * they only ever come from a fuzzer or an attack on a log, a terminal or a CSV export. Every boundary (request
 * bodies, query and path parameters, token claims) asks here, so the rule is one rule.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why {@code text} is refused (naming the first offending character and its position), or empty if it is not. */
    public static Optional<String> refusal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return Optional.of(String.format("must not contain control characters (U+%04X at position %d);"
                        + " only tab, line feed and carriage return are allowed", (int) c, at));
            }
            if (Character.isHighSurrogate(c) && at + 1 < text.length() && Character.isLowSurrogate(text.charAt(at + 1))) {
                at++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("must be valid Unicode text (an unpaired surrogate U+%04X at"
                        + " position %d)", (int) c, at));
            }
        }
        return Optional.empty();
    }

    /** Records a violation for {@code field} when its text is refused. */
    public static void check(String text, String field, RuleCheck check) {
        refusal(text).ifPresent(why -> check.require(false, field, why));
    }
}
