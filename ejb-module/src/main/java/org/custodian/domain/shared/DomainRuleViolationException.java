package org.custodian.domain.shared;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Input that parses but breaks a domain rule (format, range, state transition). Rolls the
 * transaction back, so nothing half-written survives; the API answers 422 naming each field.
 */
@ApplicationException(rollback = true)
public class DomainRuleViolationException extends RuntimeException {

    private final List<FieldViolation> violations;

    public DomainRuleViolationException(List<FieldViolation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    public DomainRuleViolationException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> getViolations() {
        return violations;
    }

    private static String describe(List<FieldViolation> violations) {
        StringBuilder text = new StringBuilder();
        for (FieldViolation violation : violations) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(violation.field()).append(": ").append(violation.message());
        }
        return text.toString();
    }
}
