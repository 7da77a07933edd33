package org.custodian.domain.model.pii;

import static org.custodian.domain.model.pii.PiiText.isAsciiLetter;
import static org.custodian.domain.model.pii.PiiText.isAsciiLetterOrDigit;
import static org.custodian.domain.model.pii.PiiText.isWordChar;

import java.util.List;

/**
 * E-mail addresses, read outwards from their {@code @}: a local part without leading, trailing or double dots and a
 * domain of at least two labels ending in an alphabetic top-level domain; URL user-info is not an address.
 */
final class EmailRecognizer {

    /** How far back an e-mail candidate looks for "://" (URL user-info is not an e-mail). */
    private static final int MAX_URL_LOOKBACK = 256;

    private EmailRecognizer() {
    }

    /** Reports the address around the {@code @} at {@code at}, if there is one. */
    static void find(String text, int at, List<PiiFinding> out) {
        int start = at;
        while (start > 0 && isEmailLocalChar(text.charAt(start - 1))) {
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
            while (pos < length && (isAsciiLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos == labelStart || text.charAt(labelStart) == '-' || text.charAt(pos - 1) == '-') {
                break;
            }
            labels++;
            if (labels >= 2 && isTopLevelDomain(text, labelStart, pos)) {
                lastGoodEnd = pos;
            }
            if (pos + 1 < length && text.charAt(pos) == '.' && isAsciiLetterOrDigit(text.charAt(pos + 1))) {
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

    private static boolean isTopLevelDomain(String text, int start, int end) {
        if (end - start < 2) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!isAsciiLetter(text.charAt(i))) {
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
        return isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}
