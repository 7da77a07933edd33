package org.custodian.domain.model.pii;

/**
 * Character tests and number boundaries that more than one recognizer (and the masker) needs; kept in one place so
 * every type agrees on what a digit, a word character and the edge of a number are.
 */
final class PiiText {

    private PiiText() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || isDigit(c);
    }

    /**
     * Letters and digits of any script count, so "Straße4111..." is one token; surrogates (emoji) do not, nor do
     * the letters of scripts written without spaces between words ({@link #isUnspacedScript}): in
     * "カード番号4111..." the number is a word of its own.
     */
    static boolean isWordChar(char c) {
        if (c < 128) {
            return isAsciiLetterOrDigit(c) || c == '_';
        }
        return Character.isLetterOrDigit(c) && !isUnspacedScript(c);
    }

    /** Han, kana, Hangul, Thai, Lao, Khmer, Myanmar: text in these scripts glues words (and numbers) together. */
    static boolean isUnspacedScript(char c) {
        if (c < 0x0E00) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
    }

    /**
     * What may stand between the digit groups of one number once the text is normalized ({@link NormalizedText}
     * turns no-break and other spaces into a space, dashes into '-' and full-width forms into ASCII).
     */
    static boolean isGroupSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '_' || c == '/';
    }

    /** The number at {@code start} continues a preceding token: ORD-4111..., +4111..., "12 4111 ...". */
    static boolean continuesNumber(String text, int start) {
        if (start == 0) {
            return false;
        }
        char prev = text.charAt(start - 1);
        if (isWordChar(prev) || prev == '+' || prev == '#' || prev == '.' || prev == ',' || prev == '/'
                || prev == '-') {
            return true;
        }
        return prev == ' ' && start >= 2 && isDigit(text.charAt(start - 2));
    }

    /** A number ending at {@code end} is glued to letters or continues as a decimal/range. */
    static boolean endsInsideToken(String text, int end) {
        if (end >= text.length()) {
            return false;
        }
        char next = text.charAt(end);
        if (isWordChar(next)) {
            return true;
        }
        return (next == '.' || next == ',' || next == '-' || next == '/') && end + 1 < text.length()
                && isDigit(text.charAt(end + 1));
    }
}
