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

    public RuleCheck requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "is required and must not be blank"));
        } else if (value.length() > maxLength) {
            violations.add(new FieldViolation(field, "must be at most " + maxLength + " characters"));
        }
        return this;
    }

    public RuleCheck optionalText(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            violations.add(new FieldViolation(field, "must be at most " + maxLength + " characters"));
        }
        return this;
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
