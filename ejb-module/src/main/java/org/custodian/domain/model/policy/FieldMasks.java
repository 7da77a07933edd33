package org.custodian.domain.model.policy;

import java.util.Locale;
import org.custodian.domain.model.pii.PiiDetector;
import org.custodian.domain.model.pii.PiiMasker;
import org.custodian.domain.model.pii.PiiType;

/** Type-aware masking of one value. */
public final class FieldMasks {

    private static final PiiDetector DETECTOR = new PiiDetector();
    private static final int IDENTIFIER_KEPT = 4;

    private FieldMasks() {
    }

    /**
     * The masked form of {@code value}, or null when the style has no partial form (the field is then left out:
     * a masked value that reveals nothing is better absent than a misleading placeholder).
     */
    public static String mask(MaskStyle style, String value) {
        if (value == null) {
            return null;
        }
        return switch (style) {
            case EMAIL -> value.indexOf('@') > 0 ? PiiMasker.maskValue(PiiType.EMAIL, value) : "***";
            case PHONE -> PiiMasker.maskValue(PiiType.PHONE, value);
            case NAME -> initials(value);
            case FREE_TEXT -> maskDetected(value);
            case IDENTIFIER -> identifier(value);
            case NONE -> null;
        };
    }

    /** {@code text} with every detected PII span replaced by its masked form. */
    public static String maskDetected(String text) {
        return text == null ? null : PiiMasker.mask(text, DETECTOR.scan(text));
    }

    /** "Jane van der Berg" becomes "J. v. d. B.": enough to tell people apart on a call, not enough to identify. */
    static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.trim().split("[\\s\\-]+")) {
            if (!part.isEmpty()) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.appendCodePoint(part.codePointAt(0)).append('.');
            }
        }
        return out.toString();
    }

    static String identifier(String value) {
        String compact = value.replaceAll("[\\s\\-]", "");
        // short identifiers would be nearly given away by their last four characters
        if (compact.length() < 2 * IDENTIFIER_KEPT) {
            return "*".repeat(compact.length());
        }
        return "*".repeat(compact.length() - IDENTIFIER_KEPT)
                + compact.substring(compact.length() - IDENTIFIER_KEPT).toUpperCase(Locale.ROOT);
    }
}
