package org.custodian.domain.model.pii;

import static org.custodian.domain.model.pii.PiiText.continuesNumber;
import static org.custodian.domain.model.pii.PiiText.endsInsideToken;
import static org.custodian.domain.model.pii.PiiText.isAsciiLetter;
import static org.custodian.domain.model.pii.PiiText.isDigit;
import static org.custodian.domain.model.pii.PiiText.isGroupSeparator;

import java.util.List;

/**
 * US social security numbers: 3-2-4 digits joined twice by the same separator (dash, space of any kind, dot,
 * underscore, slash: {@link NormalizedText} is what is read), or nine plain digits after an SSN keyword,
 * that are valid SSNs (no 000/666/9xx area, no 00 group, no 0000 serial, not one of the famous advertised numbers).
 */
final class SsnRecognizer {

    /** A bare 9-digit SSN needs one of these keywords ending at most this many chars before it. */
    private static final int SSN_KEYWORD_DISTANCE = 20;
    private static final String[] SSN_KEYWORDS = {"ssn", "social security", "soc. sec.", "ss#"};

    private SsnRecognizer() {
    }

    /** Reads the number starting at {@code start} (the first digit of a number) and reports it if it is an SSN. */
    static void find(String text, int start, List<PiiFinding> out) {
        if (continuesNumber(text, start)) {
            return;
        }
        int length = text.length();
        int afterArea = start + 3;
        int end;
        if (digitsAt(text, start, 3) && afterArea < length
                && isGroupSeparator(text.charAt(afterArea))) {
            char separator = text.charAt(afterArea);
            int groupAt = afterArea + 1;
            int serialAt = groupAt + 3;
            if (!digitsAt(text, groupAt, 2) || serialAt > length || text.charAt(groupAt + 2) != separator
                    || !digitsAt(text, serialAt, 4)) {
                return;
            }
            end = serialAt + 4;
            if (isSsnNumberContinued(text, end) || !isValidSsn(text, start, groupAt, serialAt)) {
                return;
            }
        } else if (digitsAt(text, start, 9)) {
            // Nine plain digits are too common (order numbers, ids) unless introduced by an SSN keyword.
            end = start + 9;
            if (isSsnNumberContinued(text, end) || !isValidSsn(text, start, start + 3, start + 5)
                    || !hasSsnKeywordBefore(text, start)) {
                return;
            }
        } else {
            return;
        }
        out.add(new PiiFinding(PiiType.US_SSN, start, end));
    }

    private static boolean isSsnNumberContinued(String text, int end) {
        if (endsInsideToken(text, end)) {
            return true;
        }
        return end + 1 < text.length() && isGroupSeparator(text.charAt(end)) && isDigit(text.charAt(end + 1));
    }

    private static boolean isValidSsn(String text, int areaAt, int groupAt, int serialAt) {
        int area = parseDigits(text, areaAt, 3);
        int group = parseDigits(text, groupAt, 2);
        int serial = parseDigits(text, serialAt, 4);
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        boolean advertised = (area == 78 && group == 5 && serial == 1120)
                || (area == 219 && group == 9 && serial == 9999)
                || (area == 123 && group == 45 && serial == 6789)
                || (area == 987 && group == 65 && serial >= 4320 && serial <= 4329);
        return !advertised;
    }

    private static boolean hasSsnKeywordBefore(String text, int start) {
        for (String keyword : SSN_KEYWORDS) {
            int from = Math.max(0, start - SSN_KEYWORD_DISTANCE - keyword.length());
            for (int at = start - keyword.length(); at >= from; at--) {
                if (text.regionMatches(true, at, keyword, 0, keyword.length())
                        && (at == 0 || !isAsciiLetter(text.charAt(at - 1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Exactly {@code count} digits at {@code start}, not followed by another digit. */
    private static boolean digitsAt(String text, int start, int count) {
        if (start + count > text.length()) {
            return false;
        }
        for (int i = start; i < start + count; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return start + count == text.length() || !isDigit(text.charAt(start + count));
    }

    private static int parseDigits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
