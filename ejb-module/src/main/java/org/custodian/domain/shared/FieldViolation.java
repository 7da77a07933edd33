package org.custodian.domain.shared;

import java.io.Serializable;

/** One broken rule on one named input field, phrased so the caller knows what would be right. */
public record FieldViolation(String field, String message) implements Serializable {
}
