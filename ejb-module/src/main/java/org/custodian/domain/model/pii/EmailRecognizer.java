package org.custodian.domain.model.pii;

import static org.custodian.domain.model.pii.PiiText.isAsciiLetterOrDigit;
import static org.custodian.domain.model.pii.PiiText.isWordChar;

import java.util.List;

/**
 * E-mail addresses, read outwards from their {@code @}: a local part without leading, trailing or double dots and a
 * domain of at least two labels ending in a top-level domain of letters; URL user-info is not an address.
 * Internationalized addresses count (RFC 6531): letters and digits of any script in the local part and the domain
 * ({@code jürgen@müller.de}, {@code иван@пример.рф}, {@code 用户@例子.中国}), punycode labels ({@code xn--mller-kva.de},
 * TLD {@code xn--p1ai}), and the ideographic full stops IDNA accepts between labels.
 *
 * <p>Text in scripts without spaces glues an address to its sentence ("連絡先はjane@example.comです"): a change from
 * such a script to another one ends the address on both sides.
 */
final class EmailRecognizer {

    /** How far back an e-mail candidate looks for "://" (URL user-info is not an e-mail). */
    private static final int MAX_URL_LOOKBACK = 256;

    private EmailRecognizer() {
    }

    /** Reports the address around the {@code @} at {@code at}, if there is one. */
    static void find(String text, int at, List<PiiFinding> out) {
        int start = at;
        while (start > 0 && isEmailLocalChar(text.charAt(start - 1))
                && (start == at || !entersUnspacedScript(text.charAt(start), text.charAt(start - 1)))) {
            start--;
        }
        while (start < at && text.charAt(start) == '.') {
            start++; // a local part cannot start with a dot; "see.jane@x" style prefixes are trimmed
        }
        if (start == at || text.charAt(at - 1) == '.' || (start > 0 && isWordChar(text.charAt(start - 1)))
                || hasDoubleDot(text, start, at) || isUrlUserInfo(text, start)) {
            return;
        }
        int length = text.length();
        int pos = at + 1;
        int labels = 0;
        int lastGoodEnd = -1;
        while (true) {
            int labelStart = pos;
            while (pos < length && isLabelChar(text.charAt(pos))
                    && (pos == labelStart || !entersUnspacedScript(text.charAt(pos - 1), text.charAt(pos)))) {
                pos++;
            }
            if (pos == labelStart || text.charAt(labelStart) == '-' || text.charAt(pos - 1) == '-') {
                break;
            }
            labels++;
            if (labels >= 2 && isTopLevelDomain(text, labelStart, pos)) {
                lastGoodEnd = pos;
            }
            if (pos + 1 < length && isLabelSeparator(text, labelStart, pos) && isLabelChar(text.charAt(pos + 1))) {
                pos++;
            } else {
                break;
            }
        }
        if (lastGoodEnd < 0) {
            return;
        }
        if (lastGoodEnd < length) {
            char next = text.charAt(lastGoodEnd);
            if (next == '@' || next == '_' || (lastGoodEnd == pos && isWordChar(next))) {
                return;
            }
        }
        out.add(new PiiFinding(PiiType.EMAIL, start, lastGoodEnd));
    }

    /** "はj" or "mで": one side is in a script written without spaces and the other is not. */
    private static boolean entersUnspacedScript(char before, char after) {
        return PiiText.isUnspacedScript(before) != PiiText.isUnspacedScript(after);
    }

    /**
     * A dot ends the label at {@code [labelStart, end)}; so do the ideographic full stops (U+3002, U+FF61) IDNA
     * maps to dots, but only after a label that is not plain ASCII ("example.com。よろしく" ends at "com").
     */
    private static boolean isLabelSeparator(String text, int labelStart, int end) {
        char c = text.charAt(end);
        if (c == '.') {
            return true;
        }
        if (c != '\u3002' && c != '\uFF61') {
            return false;
        }
        for (int i = labelStart; i < end; i++) {
            if (text.charAt(i) >= 128) {
                return true;
            }
        }
        return false;
    }

    /** Letters (any script, with their combining marks) of two or more, or a punycode label ("xn--p1ai"). */
    private static boolean isTopLevelDomain(String text, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        if (end - start > 4 && text.regionMatches(true, start, "xn--", 0, 4)) {
            return true; // the label characters were checked while reading it
        }
        if (!Character.isLetter(text.charAt(start))) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c) && !isMark(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDoubleDot(String text, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            if (text.charAt(i) == '.' && text.charAt(i - 1) == '.') {
                return true;
            }
        }
        return false;
    }

    /** {@code https://user:token@host} carries credentials of a URL, not an e-mail address. */
    private static boolean isUrlUserInfo(String text, int localStart) {
        int limit = Math.max(0, localStart - MAX_URL_LOOKBACK);
        for (int i = localStart - 1; i >= limit && !Character.isWhitespace(text.charAt(i)); i--) {
            if (text.charAt(i) == '/' && i >= 2 && text.charAt(i - 1) == '/' && text.charAt(i - 2) == ':') {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmailLocalChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
                || isInternationalLetter(c);
    }

    private static boolean isLabelChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '-' || isInternationalLetter(c);
    }

    /** A letter, digit or combining mark beyond ASCII (Devanagari and Thai words need their vowel signs). */
    private static boolean isInternationalLetter(char c) {
        return c >= 128 && (Character.isLetterOrDigit(c) || isMark(c));
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
