package org.custodian.domain.model.pii;

import java.util.Objects;

/**
 * One detected span of sensitive data. Offsets are Java {@link String} indices (UTF-16 code units), {@code end}
 * exclusive, so {@code text.substring(start, end)} is the matched value.
 */
public record PiiFinding(PiiType type, int start, int end) {

    public PiiFinding {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(PiiFinding other) {
        return start < other.end && other.start < end;
    }

    /** The matched value within the text the finding was produced from. */
    public String valueIn(String text) {
        return text.substring(start, end);
    }
}
