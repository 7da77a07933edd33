package org.custodian.domain.model.pii;

import static org.custodian.domain.model.pii.PiiText.isAsciiLetterOrDigit;
import static org.custodian.domain.model.pii.PiiText.isDigit;
import static org.custodian.domain.model.pii.PiiText.isWordChar;

import java.util.List;

/**
 * Phone numbers: a run of digit groups (joined by single spaces, dashes, dots, a slash or parentheses) of 8 to 15
 * dialled digits that carries a phone cue: a {@code +} country code, the North American 3-3-4 plan, or a national
 * 0 trunk prefix with grouping. Dates, IPv4 addresses and SSN-shaped numbers are not phones.
 *
 * <p>One instance per scan: it remembers where the last run ended, so the groups of a rejected run are never
 * re-read as a shorter phone, and it reuses one set of group arrays for every candidate.
 */
final class PhoneRecognizer {

    private static final int MIN_PHONE_DIGITS = 8;
    private static final int MAX_PHONE_DIGITS = 15;
    private static final int MAX_PHONE_GROUPS = 10;

    private final PhoneGroups groups = new PhoneGroups();
    private int resumeAt;

    /** Reports the phone starting at {@code start} (a digit, {@code +} or {@code (}) unless a read run covers it. */
    void find(String text, int start, List<PiiFinding> out) {
        if (start >= resumeAt) {
            resumeAt = read(text, start, out);
        }
    }

    /** Reads the run at {@code start}, reports it if it carries a phone cue; returns where the next may start. */
    private int read(String text, int start, List<PiiFinding> out) {
        if (phoneStartBlocked(text, start)) {
            return start + 1;
        }
        int length = text.length();
        int pos = start;
        boolean international = text.charAt(pos) == '+';
        if (international) {
            pos++;
            if (pos >= length || !isDigit(text.charAt(pos)) || text.charAt(pos) == '0') {
                return start + 1;
            }
        }
        groups.clear();
        int end = pos;
        boolean trunkZeroInParens = false;
        while (pos < length) {
            boolean inParens = text.charAt(pos) == '(';
            int groupStart = inParens ? pos + 1 : pos;
            int groupEnd = groupStart;
            while (groupEnd < length && isDigit(text.charAt(groupEnd))) {
                groupEnd++;
            }
            int groupLength = groupEnd - groupStart;
            if (inParens) {
                if (groupLength < 1 || groupLength > 5 || groupEnd >= length || text.charAt(groupEnd) != ')') {
                    break;
                }
                pos = groupEnd + 1;
                // +44 (0)20 ...: the (0) is not dialled from abroad
                trunkZeroInParens |= international && groupLength == 1 && text.charAt(groupStart) == '0';
            } else if (groupLength == 0) {
                break;
            } else {
                pos = groupEnd;
            }
            groups.add(groupStart, groupLength, inParens);
            end = pos;
            if (pos >= length) {
                break;
            }
            char next = text.charAt(pos);
            if ((next == ' ' || next == '-' || next == '.' || next == '/') && pos + 1 < length
                    && (isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '(')) {
                groups.separateLastBy(next);
                pos++;
            } else if (!(next == '(' || (inParens && isDigit(next)))) {
                break; // "(0)20" and "+44(0)" need no separator, anything else ends the run
            }
        }
        int nextStart = Math.max(end, start + 1);
        groups.dropTrailingSeparator(); // "555-0147 (mobile)": the space before "(m" is not part of the number
        if (groups.count == 0 || groups.overflow || !endsPhone(text, end)) {
            return nextStart;
        }
        int dialledDigits = trunkZeroInParens ? groups.digits - 1 : groups.digits;
        if (dialledDigits < MIN_PHONE_DIGITS || dialledDigits > MAX_PHONE_DIGITS || looksLikeDateOrAddress(groups)) {
            return nextStart;
        }
        if (international || isNorthAmerican(text, groups)
                || (isTrunkPrefixed(text, groups) && !hasSsnShape(groups))) {
            out.add(new PiiFinding(PiiType.PHONE, start, end));
        }
        return nextStart;
    }

    /** Digit groups of one phone candidate; one instance per scan, reused for every candidate. */
    private static final class PhoneGroups {
        final int[] starts = new int[MAX_PHONE_GROUPS];
        final int[] lengths = new int[MAX_PHONE_GROUPS];
        /** The separator following each group, 0 when none. */
        final char[] separators = new char[MAX_PHONE_GROUPS];
        final boolean[] parenthesised = new boolean[MAX_PHONE_GROUPS];
        int count;
        int digits;
        boolean overflow;

        void clear() {
            count = 0;
            digits = 0;
            overflow = false;
        }

        void add(int start, int length, boolean inParens) {
            digits += length;
            if (count == MAX_PHONE_GROUPS) {
                overflow = true;
                return;
            }
            starts[count] = start;
            lengths[count] = length;
            separators[count] = 0;
            parenthesised[count] = inParens;
            count++;
        }

        void separateLastBy(char separator) {
            if (!overflow) {
                separators[count - 1] = separator;
            }
        }

        void dropTrailingSeparator() {
            if (count > 0 && !overflow) {
                separators[count - 1] = 0;
            }
        }

        boolean anyParenthesisedAfterFirst() {
            for (int g = 1; g < count; g++) {
                if (parenthesised[g]) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean phoneStartBlocked(String text, int start) {
        if (start == 0) {
            return false;
        }
        char prev = text.charAt(start - 1);
        if (isWordChar(prev) || prev == '+' || prev == '#' || prev == '@' || prev == '$' || prev == '%'
                || prev == '&' || prev == '€' || prev == '£') {
            return true;
        }
        char beforePrev = start >= 2 ? text.charAt(start - 2) : ' ';
        if (prev == ':') {
            return isDigit(beforePrev); // 10:30 is a time, "Tel:+49" is fine
        }
        if (prev == ' ') {
            return isDigit(beforePrev); // "BE10 0745 7279": later groups of some other number
        }
        // ORD-12345678, 1.2.345678, 1,234567: the number continues a token
        return (prev == '.' || prev == ',' || prev == '/' || prev == '-') && isAsciiLetterOrDigit(beforePrev);
    }

    private static boolean endsPhone(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char next = text.charAt(end);
        if (isWordChar(next) || next == '@' || next == '%') {
            return false;
        }
        boolean numberContinues = end + 1 < text.length() && isDigit(text.charAt(end + 1))
                && (next == ',' || next == ':' || next == '.' || next == '-' || next == '/');
        return !numberContinues;
    }

    /** Dates (23.11.2026, 2026-11-23, 11/23/2026, even with a trailing time), IPv4 and dotted-with-other mixes. */
    private static boolean looksLikeDateOrAddress(PhoneGroups groups) {
        int[] lengths = groups.lengths;
        char[] separators = groups.separators;
        if (groups.count >= 3 && separators[0] == separators[1]
                && (separators[0] == '.' || separators[0] == '-' || separators[0] == '/')) {
            boolean dayMonthYear = lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] == 4;
            boolean yearMonthDay = lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2;
            if (dayMonthYear || yearMonthDay) {
                return true;
            }
        }
        boolean dotted = false;
        boolean otherSeparator = false;
        boolean allShort = true;
        for (int g = 0; g < groups.count; g++) {
            char s = separators[g];
            if (s == '.') {
                dotted = true;
            } else if (s != 0 || groups.parenthesised[g]) {
                otherSeparator = true;
            }
            allShort &= lengths[g] <= 3;
        }
        return dotted && (otherSeparator || (groups.count == 4 && allShort));
    }

    /** 3-2-4 digits is how SSNs are written (even invalid ones like 000-12-3456), never a national phone format. */
    private static boolean hasSsnShape(PhoneGroups groups) {
        return groups.count == 3 && groups.lengths[0] == 3 && groups.lengths[1] == 2 && groups.lengths[2] == 4;
    }

    /** NANP: (212) 555-0147, 212-555-0147, 212.555.0147, 1-800-555-0199; area and exchange start with 2-9. */
    private static boolean isNorthAmerican(String text, PhoneGroups groups) {
        int area = 0;
        if (groups.count == 4 && groups.lengths[0] == 1 && text.charAt(groups.starts[0]) == '1'
                && !groups.parenthesised[0]) {
            area = 1;
        } else if (groups.count != 3) {
            return false;
        }
        int exchange = area + 1;
        int line = area + 2;
        if (groups.lengths[area] != 3 || groups.lengths[exchange] != 3 || groups.lengths[line] != 4
                || groups.parenthesised[exchange] || groups.parenthesised[line]
                || groups.separators[area] == '/' || groups.separators[exchange] == '/') {
            return false;
        }
        return text.charAt(groups.starts[area]) >= '2' && text.charAt(groups.starts[exchange]) >= '2';
    }

    /** National formats with a 0 trunk prefix and grouping: 030 1234567, 020 7946 0958, 01 42 68 53 00. */
    private static boolean isTrunkPrefixed(String text, PhoneGroups groups) {
        if (groups.count < 2 || text.charAt(groups.starts[0]) != '0' || groups.anyParenthesisedAfterFirst()) {
            return false;
        }
        for (int g = 0; g < groups.count; g++) {
            if (groups.lengths[g] < 2 || (g > 0 && groups.separators[g] == '/')) {
                return false;
            }
        }
        return true;
    }
}
