package org.custodian.domain.model.pii;

/**
 * The text the recognizers read: every number written with other digits or other separators reads as its plain
 * ASCII form, with a map back to the original offsets so a finding covers (and the masker redacts) the original
 * span, separators included.
 *
 * <ul>
 *   <li>decimal digits of any script (full-width {@code ４}, Arabic-Indic {@code ٤}, Devanagari {@code ४}, the
 *       mathematical digits outside the BMP ...) become {@code 0-9};</li>
 *   <li>full-width ASCII forms ({@code Ａ}, {@code －}, {@code ．}, {@code ＿}, {@code ／}, {@code ＠}) become their
 *       ASCII character, as NFKC would map them;</li>
 *   <li>every space separator (no-break space U+00A0, narrow no-break U+202F, thin, figure, ideographic ...)
 *       becomes a space, and the hyphens and dashes that stand between digit groups (U+2010-2013, minus U+2212,
 *       small hyphen U+FE63) a {@code -};</li>
 *   <li>invisible format characters (zero-width space and joiners, soft hyphen, bidi marks, BOM) are dropped: they
 *       would split a number without showing.</li>
 * </ul>
 *
 * Each output char comes from exactly one input code point, so spans map back exactly. ASCII input is returned
 * as is (no copy, identity map).
 */
final class NormalizedText {

    private final String original;
    private final String text;
    /** Original index of each char of {@link #text}; null when the text was kept as is. */
    private final int[] origin;

    private NormalizedText(String original, String text, int[] origin) {
        this.original = original;
        this.text = text;
        this.origin = origin;
    }

    static NormalizedText of(String original) {
        int length = original.length();
        int firstNonAscii = 0;
        while (firstNonAscii < length && original.charAt(firstNonAscii) < 128) {
            firstNonAscii++;
        }
        if (firstNonAscii == length) {
            return new NormalizedText(original, original, null);
        }
        StringBuilder text = new StringBuilder(length);
        int[] origin = new int[length];
        text.append(original, 0, firstNonAscii);
        for (int i = 0; i < firstNonAscii; i++) {
            origin[i] = i;
        }
        int i = firstNonAscii;
        while (i < length) {
            int codePoint = original.codePointAt(i);
            int mapped = map(codePoint);
            if (mapped >= 0) {
                origin[text.length()] = i;
                if (mapped == codePoint && Character.isSupplementaryCodePoint(codePoint)) {
                    // kept as a pair: both halves map to the same origin, the span's end still lands after it
                    text.append(Character.highSurrogate(codePoint));
                    origin[text.length()] = i;
                    text.append(Character.lowSurrogate(codePoint));
                } else {
                    text.append((char) mapped);
                }
            }
            i += Character.charCount(codePoint);
        }
        return new NormalizedText(original, text.toString(), origin);
    }

    /** The normalized form of one code point, or -1 when it is dropped. */
    static int map(int codePoint) {
        if (codePoint < 128) {
            return codePoint;
        }
        if (codePoint >= 0xFF01 && codePoint <= 0xFF5E) {
            return codePoint - 0xFF01 + '!';
        }
        int type = Character.getType(codePoint);
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return '0' + Character.digit(codePoint, 10);
        }
        if (type == Character.SPACE_SEPARATOR) {
            return ' ';
        }
        if (type == Character.FORMAT) {
            return -1;
        }
        if ((codePoint >= 0x2010 && codePoint <= 0x2013) || codePoint == 0x2212 || codePoint == 0xFE63) {
            return '-';
        }
        return codePoint;
    }

    /** What the recognizers read. */
    String text() {
        return text;
    }

    /** The finding {@code [start, end)} of {@link #text()} as a span of the original text. */
    PiiFinding toOriginal(PiiFinding finding) {
        if (origin == null) {
            return finding;
        }
        int start = origin[finding.start()];
        int last = origin[finding.end() - 1];
        int end = last + Character.charCount(original.codePointAt(last));
        return new PiiFinding(finding.type(), start, end);
    }
}
