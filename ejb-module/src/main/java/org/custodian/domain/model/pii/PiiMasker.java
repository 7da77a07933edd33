package org.custodian.domain.model.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Replaces detected values by a masked form that still lets an agent recognise which card, account or contact a
 * customer meant (last digits, domain) without exposing the value itself.
 */
public final class PiiMasker {

    static final String REDACTED = "[REDACTED]";
    private static final int CARD_KEPT_LEADING_DIGITS = 6;
    private static final int KEPT_TRAILING_DIGITS = 4;
    private static final int PHONE_KEPT_TRAILING_DIGITS = 2;
    private static final int IBAN_KEPT_PREFIX = 4;

    private PiiMasker() {
    }

    /**
     * Returns {@code text} with every finding replaced by its masked form. Findings may come in any order; one that
     * overlaps an earlier (by start) finding is ignored.
     */
    public static String mask(String text, List<PiiFinding> findings) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(findings, "findings");
        if (findings.isEmpty()) {
            return text;
        }
        List<PiiFinding> ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.comparingInt(PiiFinding::start));
        StringBuilder masked = new StringBuilder(text.length() + 16);
        int copiedUpTo = 0;
        for (PiiFinding finding : ordered) {
            if (finding.start() < copiedUpTo) {
                continue;
            }
            if (finding.end() > text.length()) {
                throw new IllegalArgumentException("finding " + finding + " lies outside the text");
            }
            masked.append(text, copiedUpTo, finding.start());
            masked.append(maskValue(finding.type(), text.substring(finding.start(), finding.end())));
            copiedUpTo = finding.end();
        }
        return masked.append(text, copiedUpTo, text.length()).toString();
    }

    /** Masks a single value of the given type (the whole string is taken as the value). */
    public static String maskValue(PiiType type, String value) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        return switch (type) {
            case CREDIT_CARD -> maskDigits(value, CARD_KEPT_LEADING_DIGITS, KEPT_TRAILING_DIGITS);
            case US_SSN -> "***-**-" + lastDigits(value, KEPT_TRAILING_DIGITS);
            case IBAN -> maskIban(value);
            case EMAIL -> maskEmail(value);
            case PHONE -> maskDigits(value, 0, PHONE_KEPT_TRAILING_DIGITS);
            case SECRET -> REDACTED;
        };
    }

    /**
     * Keeps the first {@code leading} and last {@code trailing} digits, stars the others, keeps separators. Digits
     * are those of any script ("４１１１", "٤١١١"), as the detector reads them.
     */
    private static String maskDigits(String value, int leading, int trailing) {
        return maskSignificant(value, leading, trailing, false);
    }

    /** The last {@code count} digits of the value, as ASCII. */
    private static String lastDigits(String value, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = value.length(); i > 0 && digits.length() < count; ) {
            int codePoint = value.codePointBefore(i);
            i -= Character.charCount(codePoint);
            if (Character.isDigit(codePoint)) {
                digits.append((char) ('0' + Character.digit(codePoint, 10)));
            }
        }
        return digits.reverse().toString();
    }

    /** Country code and check digits plus the last four characters stay; separators are kept. */
    private static String maskIban(String value) {
        return maskSignificant(value, IBAN_KEPT_PREFIX, KEPT_TRAILING_DIGITS, true);
    }

    /**
     * Stars every digit (and, with {@code lettersToo}, letter) but the first {@code leading} and last {@code
     * trailing} ones; one star per code point, anything else (separators, invisible characters) stays.
     */
    private static String maskSignificant(String value, int leading, int trailing, boolean lettersToo) {
        int total = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isSignificant(codePoint, lettersToo)) {
                total++;
            }
        }
        StringBuilder masked = new StringBuilder(value.length());
        int index = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isSignificant(codePoint, lettersToo)) {
                if (index < leading || index >= total - trailing) {
                    masked.appendCodePoint(codePoint);
                } else {
                    masked.append('*');
                }
                index++;
            } else {
                masked.appendCodePoint(codePoint);
            }
        }
        return masked.toString();
    }

    private static boolean isSignificant(int codePoint, boolean lettersToo) {
        return Character.isDigit(codePoint) || (lettersToo && Character.isLetter(codePoint));
    }

    private static String maskEmail(String value) {
        int at = Math.max(value.lastIndexOf('@'), value.lastIndexOf('\uFF20'));
        if (at <= 0) {
            return REDACTED;
        }
        return value.substring(0, Character.charCount(value.codePointAt(0))) + "***" + value.substring(at);
    }
}
