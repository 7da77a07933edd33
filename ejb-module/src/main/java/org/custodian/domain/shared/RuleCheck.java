package org.custodian.domain.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects every broken rule of one input before failing, so a caller learns all of them at once. */
public final class RuleCheck {

    private final List<FieldViolation> violations = new ArrayList<>();

    public RuleCheck require(boolean condition, String field, String message) {
        if (!condition) {
            violations.add(new FieldViolation(field, message));
        }
        return this;
    }

    /** Required single-line text: not blank, at most {@code maxLength}, no control characters. */
    public RuleCheck requireText(String value, String field, int maxLength) {
        return text(value, field, maxLength, true, false);
    }

    /** Required single-line text of at least {@code minLength} characters once trimmed (reasons, justifications). */
    public RuleCheck requireText(String value, String field, int minLength, int maxLength) {
        int before = violations.size();
        text(value, field, maxLength, true, false);
        if (violations.size() == before && value.trim().length() < minLength) {
            violations.add(new FieldViolation(field, "must be at least " + minLength
                    + " characters: say specifically why (it is kept in the audit trail)"));
        }
        return this;
    }

    /** Required text that may span lines (tabs and line breaks allowed, other control characters not). */
    public RuleCheck requireMultilineText(String value, String field, int maxLength) {
        return text(value, field, maxLength, true, true);
    }

    /** Optional single-line text: null passes; anything else follows the rules of {@link #requireText}. */
    public RuleCheck optionalText(String value, String field, int maxLength) {
        return value == null ? this : text(value, field, maxLength, false, false);
    }

    private RuleCheck text(String value, String field, int maxLength, boolean required, boolean multiline) {
        if (value == null || value.isBlank() || value.trim().isEmpty()) {
            if (required) {
                violations.add(new FieldViolation(field, "is required and must not be blank"));
            }
        } else if (value.length() > maxLength) {
            violations.add(new FieldViolation(field, "must be at most " + maxLength + " characters"));
        } else if (!isCleanText(value, multiline)) {
            violations.add(new FieldViolation(field, multiline
                    ? "must be text without control characters (line breaks and tabs are fine)"
                    : "must be one line of text without control characters"));
        }
        return this;
    }

    /** No control characters (except line breaks and tabs where allowed) and no broken surrogate pairs. */
    static boolean isCleanText(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return false;
            }
        }
        return true;
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }

    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new DomainRuleViolationException(violations);
        }
    }
}
