package org.custodian.domain.model.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Finds credit card numbers, US social security numbers, IBANs, e-mail addresses, phone numbers and secrets in free
 * text.
 *
 * <p>The detector makes a single pass over the text and only starts a (hand-written, allocation-free) parser where a
 * cheap trigger fires: the first digit of a number, {@code +} or {@code (} for phones, {@code @} for e-mails, a token
 * start for IBANs and key prefixes, {@code :}/{@code =} for {@code password: value} pairs. Candidates are then
 * validated (Luhn and issuer ranges, SSN rules, IBAN length table and mod-97, phone cues) and overlaps are resolved by
 * priority SECRET &gt; CREDIT_CARD &gt; IBAN &gt; US_SSN &gt; EMAIL &gt; PHONE, the longer span first within a type.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PiiDetector {

    private static final int MIN_CARD_DIGITS = 12;
    private static final int MAX_CARD_DIGITS = 19;
    private static final int MIN_PHONE_DIGITS = 8;
    private static final int MAX_PHONE_DIGITS = 15;
    private static final int MAX_PHONE_GROUPS = 10;
    /** A bare 9-digit SSN needs one of these keywords ending at most this many chars before it. */
    private static final int SSN_KEYWORD_DISTANCE = 20;
    private static final String[] SSN_KEYWORDS = {"ssn", "social security", "soc. sec.", "ss#"};
    private static final String[] SECRET_KEYS = {
        "password", "passwd", "pwd", "secret", "passwort", "kennwort", "mot de passe"
    };
    /** Bounds the search for the END line of a PEM block, so a stray BEGIN line cannot make a scan quadratic. */
    private static final int MAX_PEM_LENGTH = 16_384;
    private static final int MAX_PEM_LABEL = 64;
    /** Longer values are cut here: keeps "password:password:..." runs linear, and still masks the start. */
    private static final int MAX_SECRET_VALUE_LENGTH = 512;
    /** How far back an e-mail candidate looks for "://" (URL user-info is not an e-mail). */
    private static final int MAX_URL_LOOKBACK = 256;

    /** Index = {@link PiiType#ordinal()}, lower value wins an overlap. */
    private static final int[] PRIORITY = new int[PiiType.values().length];

    static {
        PiiType[] byPriority = {
            PiiType.SECRET, PiiType.CREDIT_CARD, PiiType.IBAN, PiiType.US_SSN, PiiType.EMAIL, PiiType.PHONE
        };
        for (int rank = 0; rank < byPriority.length; rank++) {
            PRIORITY[byPriority[rank].ordinal()] = rank;
        }
    }

    private static final Comparator<PiiFinding> WINNER_FIRST = Comparator
            .comparingInt((PiiFinding f) -> PRIORITY[f.type().ordinal()])
            .thenComparing(Comparator.comparingInt(PiiFinding::length).reversed())
            .thenComparingInt(PiiFinding::start);

    /** ISO 13616 IBAN length per country (letters packed as {@code (c1 - 'A') * 26 + (c2 - 'A')}), 0 = unknown. */
    private static final int[] IBAN_LENGTHS = new int[26 * 26];

    static {
        String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20"
                + " EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30"
                + " KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28"
                + " PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24"
                + " XK20";
        for (String entry : table.split(" ")) {
            IBAN_LENGTHS[countryIndex(entry.charAt(0), entry.charAt(1))] = Integer.parseInt(entry.substring(2));
        }
    }

    /** Scans {@code text} and returns the non-overlapping findings sorted by start offset. */
    public List<PiiFinding> scan(String text) {
        Objects.requireNonNull(text, "text");
        List<PiiFinding> candidates = new ArrayList<>();
        PhoneGroups phoneGroups = new PhoneGroups();
        PemFooterCursor pemFooters = new PemFooterCursor();
        int phoneResumeAt = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                if (i > 0 && isDigit(text.charAt(i - 1))) {
                    continue;
                }
                findCreditCard(text, i, candidates);
                findSsn(text, i, candidates);
                if (i >= phoneResumeAt) {
                    phoneResumeAt = findPhone(text, i, candidates, phoneGroups);
                }
            } else if (c == '+' || c == '(') {
                if (i >= phoneResumeAt) {
                    phoneResumeAt = findPhone(text, i, candidates, phoneGroups);
                }
            } else if (c == '@') {
                findEmail(text, i, candidates);
            } else if (c == ':' || c == '=') {
                findKeyValueSecret(text, i, candidates);
            } else if (c == '-') {
                findPemBlock(text, i, candidates, pemFooters);
            } else if (isAsciiLetter(c) && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                findIban(text, i, candidates);
                findTokenSecret(text, i, candidates);
            }
        }
        return resolveOverlaps(candidates);
    }

    // ---------------------------------------------------------------- credit cards

    private static void findCreditCard(String text, int start, List<PiiFinding> out) {
        if (continuesNumber(text, start)) {
            return;
        }
        int length = text.length();
        int pos = start;
        int digits = 0;
        int groups = 0;
        char separator = 0;
        boolean groupsLookLikeCard = true;
        while (true) {
            int groupStart = pos;
            while (pos < length && isDigit(text.charAt(pos))) {
                pos++;
            }
            int groupLength = pos - groupStart;
            digits += groupLength;
            groups++;
            // Printed PANs are grouped 4-4-4-4, 4-6-5, 4-4-4-4-3 ...: a short group means some other number.
            if (groupLength < 3 || groupLength > 6 || (groups == 1 && groupLength < 4)) {
                groupsLookLikeCard = false;
            }
            if (pos + 1 < length && isDigit(text.charAt(pos + 1))
                    && (separator == 0 ? text.charAt(pos) == ' ' || text.charAt(pos) == '-'
                            : text.charAt(pos) == separator)) {
                separator = text.charAt(pos);
                pos++;
            } else {
                break;
            }
        }
        if (digits < MIN_CARD_DIGITS || digits > MAX_CARD_DIGITS || (groups > 1 && !groupsLookLikeCard)
                || endsInsideToken(text, pos)) {
            return;
        }
        if (isLuhnValid(text, start, pos) && isKnownIssuer(firstDigits(text, start, 6), digits)) {
            out.add(new PiiFinding(PiiType.CREDIT_CARD, start, pos));
        }
    }

    /** Luhn over the digits of {@code text[start, end)}, separators skipped. */
    static boolean isLuhnValid(CharSequence text, int start, int end) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = end - 1; i >= start; i--) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                continue;
            }
            int d = c - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** Whether the 6-digit issuer prefix belongs to a known card brand that issues PANs of this length. */
    static boolean isKnownIssuer(int iin6, int digits) {
        int p1 = iin6 / 100_000;
        int p2 = iin6 / 10_000;
        int p3 = iin6 / 1_000;
        int p4 = iin6 / 100;
        boolean visa = p1 == 4 && digits >= 13;
        boolean mastercard = ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && digits == 16;
        boolean amex = (p2 == 34 || p2 == 37) && digits == 15;
        boolean discover = (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65
                || (iin6 >= 622126 && iin6 <= 622925)) && digits >= 16;
        boolean jcb = p4 >= 3528 && p4 <= 3589 && digits >= 16;
        boolean diners = ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) && digits >= 14;
        boolean unionPay = p2 == 62 && digits >= 16;
        boolean maestro = p2 == 50 || (p2 >= 56 && p2 <= 69);
        return visa || mastercard || amex || discover || jcb || diners || unionPay || maestro;
    }

    private static int firstDigits(String text, int start, int count) {
        int value = 0;
        for (int i = start; count > 0; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                value = value * 10 + (c - '0');
                count--;
            }
        }
        return value;
    }

    // ---------------------------------------------------------------- US social security numbers

    private static void findSsn(String text, int start, List<PiiFinding> out) {
        if (continuesNumber(text, start)) {
            return;
        }
        int length = text.length();
        int afterArea = start + 3;
        int end;
        if (digitsAt(text, start, 3) && afterArea < length
                && (text.charAt(afterArea) == '-' || text.charAt(afterArea) == ' ')) {
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
        return end + 1 < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '-')
                && isDigit(text.charAt(end + 1));
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

    // ---------------------------------------------------------------- phone numbers

    /**
     * Reads a phone-like run (digit groups joined by single spaces, dashes, dots, a slash or parentheses) at
     * {@code start} and reports it if it carries a phone cue. Returns the index from which the next phone may start,
     * so the groups of a rejected run are never re-read as a shorter phone.
     */
    private static int findPhone(String text, int start, List<PiiFinding> out, PhoneGroups groups) {
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
        int resumeAt = Math.max(end, start + 1);
        groups.dropTrailingSeparator(); // "555-0147 (mobile)": the space before "(m" is not part of the number
        if (groups.count == 0 || groups.overflow || !endsPhone(text, end)) {
            return resumeAt;
        }
        int dialledDigits = trunkZeroInParens ? groups.digits - 1 : groups.digits;
        if (dialledDigits < MIN_PHONE_DIGITS || dialledDigits > MAX_PHONE_DIGITS || looksLikeDateOrAddress(groups)) {
            return resumeAt;
        }
        if (international || isNorthAmerican(text, groups)
                || (isTrunkPrefixed(text, groups) && !hasSsnShape(groups))) {
            out.add(new PiiFinding(PiiType.PHONE, start, end));
        }
        return resumeAt;
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

    // ---------------------------------------------------------------- IBAN

    private static void findIban(String text, int start, List<PiiFinding> out) {
        int length = text.length();
        if (start + 4 > length || !isAsciiLetter(text.charAt(start + 1)) || !isDigit(text.charAt(start + 2))
                || !isDigit(text.charAt(start + 3))) {
            return;
        }
        int expected = IBAN_LENGTHS[countryIndex(upper(text.charAt(start)), upper(text.charAt(start + 1)))];
        if (expected == 0) {
            return;
        }
        int pos = start + 4;
        boolean grouped = pos < length && text.charAt(pos) == ' ';
        for (int read = 4; read < expected; read++) {
            if (grouped && read % 4 == 0) {
                if (pos >= length || text.charAt(pos) != ' ') {
                    return;
                }
                pos++;
            }
            if (pos >= length || !isAsciiLetterOrDigit(text.charAt(pos))) {
                return;
            }
            pos++;
        }
        if (pos < length && isWordChar(text.charAt(pos))) {
            return;
        }
        if (ibanRemainder(text, start, pos) == 1) {
            out.add(new PiiFinding(PiiType.IBAN, start, pos));
        }
    }

    /** ISO 13616 check: BBAN + country + check digits, letters as 10..35, mod 97 (spaces skipped). */
    static int ibanRemainder(CharSequence text, int start, int end) {
        int remainder = 0;
        int checkEnd = start + 4;
        for (int i = checkEnd; i < end; i++) {
            remainder = ibanStep(remainder, text.charAt(i));
        }
        for (int i = start; i < checkEnd; i++) {
            remainder = ibanStep(remainder, text.charAt(i));
        }
        return remainder;
    }

    private static int ibanStep(int remainder, char c) {
        if (isDigit(c)) {
            return (remainder * 10 + (c - '0')) % 97;
        }
        if (isAsciiLetter(c)) {
            return (remainder * 100 + (upper(c) - 'A' + 10)) % 97;
        }
        return remainder;
    }

    private static int countryIndex(char first, char second) {
        return (first - 'A') * 26 + (second - 'A');
    }

    // ---------------------------------------------------------------- e-mail

    private static void findEmail(String text, int at, List<PiiFinding> out) {
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

    // ---------------------------------------------------------------- secrets

    /** Prefix-typed credentials starting at a token boundary. */
    private static void findTokenSecret(String text, int start, List<PiiFinding> out) {
        if (start > 0 && text.charAt(start - 1) == '-') {
            return; // tokens are never glued to a dash; also keeps "-eyJ-eyJ..." from being rescanned per piece
        }
        int end = switch (text.charAt(start)) {
            case 'A' -> awsOrGoogleKeyEnd(text, start);
            case 'g' -> gitHubTokenEnd(text, start);
            case 'x' -> slackTokenEnd(text, start);
            case 's', 'r' -> stripeKeyEnd(text, start);
            case 'e' -> jwtEnd(text, start);
            default -> -1;
        };
        if (end > start) {
            out.add(new PiiFinding(PiiType.SECRET, start, end));
        }
    }

    private static int awsOrGoogleKeyEnd(String text, int start) {
        if (text.startsWith("AKIA", start) || text.startsWith("ASIA", start)) {
            int end = runEnd(text, start + 4, CharClass.UPPER_ALNUM);
            return end - start == 20 && !isWordChar(charAtOrSpace(text, end)) ? end : -1;
        }
        if (text.startsWith("AIza", start)) {
            int end = runEnd(text, start + 4, CharClass.BASE64_URL);
            return end - start == 39 ? end : -1;
        }
        return -1;
    }

    private static int gitHubTokenEnd(String text, int start) {
        if (text.startsWith("github_pat_", start)) {
            int end = runEnd(text, start + 11, CharClass.WORD);
            return end - start >= 11 + 22 ? end : -1;
        }
        if (start + 4 <= text.length() && text.charAt(start + 1) == 'h' && text.charAt(start + 3) == '_'
                && "pousr".indexOf(text.charAt(start + 2)) >= 0) {
            int end = runEnd(text, start + 4, CharClass.ALNUM);
            return end - start == 40 && !isWordChar(charAtOrSpace(text, end)) ? end : -1;
        }
        return -1;
    }

    private static int slackTokenEnd(String text, int start) {
        if (!text.startsWith("xox", start) || start + 5 > text.length() || text.charAt(start + 4) != '-'
                || "abprs".indexOf(text.charAt(start + 3)) < 0) {
            return -1;
        }
        int end = runEnd(text, start + 5, CharClass.ALNUM_DASH);
        while (end > start + 5 && text.charAt(end - 1) == '-') {
            end--;
        }
        return end - start >= 5 + 10 ? end : -1;
    }

    private static int stripeKeyEnd(String text, int start) {
        if (!text.startsWith("k_live_", start + 1)) {
            return -1;
        }
        int end = runEnd(text, start + 8, CharClass.ALNUM);
        return end - start >= 8 + 24 && !isWordChar(charAtOrSpace(text, end)) ? end : -1;
    }

    private static int jwtEnd(String text, int start) {
        if (!text.startsWith("eyJ", start)) {
            return -1;
        }
        int end = start;
        for (int segment = 0; segment < 3; segment++) {
            int segmentStart = segment == 0 ? start : end + 1;
            if (segment > 0 && (end >= text.length() || text.charAt(end) != '.')) {
                return -1;
            }
            end = runEnd(text, segmentStart, CharClass.BASE64_URL);
            if (end == segmentStart) {
                return -1;
            }
        }
        return end;
    }

    private static void findPemBlock(String text, int start, List<PiiFinding> out, PemFooterCursor footers) {
        if (!text.startsWith("-----BEGIN ", start)) {
            return;
        }
        int limit = Math.min(text.length(), start + MAX_PEM_LENGTH);
        int headerEnd = indexOfBefore(text, "-----", start + 11, Math.min(limit, start + 11 + MAX_PEM_LABEL));
        if (headerEnd < 0 || !text.startsWith("PRIVATE KEY", headerEnd - 11)) {
            return;
        }
        int footer = footers.nextFrom(text, headerEnd + 5);
        if (footer < 0 || footer + 9 > limit) {
            return;
        }
        int footerEnd = indexOfBefore(text, "-----", footer + 9, Math.min(limit, footer + 9 + MAX_PEM_LABEL));
        if (footerEnd < 0 || !text.startsWith("PRIVATE KEY", footerEnd - 11)) {
            return;
        }
        out.add(new PiiFinding(PiiType.SECRET, start, footerEnd + 5));
    }

    /**
     * Position of the next "-----END " line, searched forward only once per scan: many BEGIN lines without an END
     * would otherwise each search the rest of the text.
     */
    private static final class PemFooterCursor {
        private static final int UNKNOWN = -2;
        private int next = UNKNOWN;

        int nextFrom(String text, int from) {
            if (next == -1 || next >= from) {
                return next;
            }
            next = text.indexOf("-----END ", from);
            return next;
        }
    }

    /** {@code text.indexOf(needle, from)} restricted to matches ending at or before {@code limit}; -1 if none. */
    private static int indexOfBefore(String text, String needle, int from, int limit) {
        char first = needle.charAt(0);
        for (int i = text.indexOf(first, from); i >= 0 && i + needle.length() <= limit; i = text.indexOf(first, i + 1)) {
            if (text.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code password: value}, {@code "pwd"="value"}, {@code client_secret=value}: the span is the value only. */
    private static void findKeyValueSecret(String text, int delimiter, List<PiiFinding> out) {
        int keyEnd = delimiter;
        while (keyEnd > 0 && (text.charAt(keyEnd - 1) == ' ' || text.charAt(keyEnd - 1) == '\t')) {
            keyEnd--;
        }
        if (keyEnd > 0 && (text.charAt(keyEnd - 1) == '"' || text.charAt(keyEnd - 1) == '\'')) {
            keyEnd--;
        }
        if (!endsWithSecretKey(text, keyEnd)) {
            return;
        }
        int length = text.length();
        int start = delimiter + 1;
        while (start < length && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        int end;
        char first = start < length ? text.charAt(start) : '\n';
        if (first == '"' || first == '\'') {
            start++;
            end = start;
            int limit = Math.min(length, start + MAX_SECRET_VALUE_LENGTH);
            while (end < limit && text.charAt(end) != first && text.charAt(end) != '\n') {
                end++;
            }
            if (end >= limit || text.charAt(end) != first) {
                return;
            }
        } else {
            end = start;
            int limit = Math.min(length, start + MAX_SECRET_VALUE_LENGTH);
            while (end < limit && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
        }
        if (end > start && !isAlreadyMasked(text, start, end)) {
            out.add(new PiiFinding(PiiType.SECRET, start, end));
        }
    }

    private static boolean endsWithSecretKey(String text, int keyEnd) {
        for (String key : SECRET_KEYS) {
            int keyStart = keyEnd - key.length();
            if (keyStart >= 0 && text.regionMatches(true, keyStart, key, 0, key.length())
                    && (keyStart == 0 || !isAsciiLetterOrDigit(text.charAt(keyStart - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAlreadyMasked(String text, int start, int end) {
        if (text.startsWith("[REDACTED]", start)) {
            return true;
        }
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- overlaps

    private static List<PiiFinding> resolveOverlaps(List<PiiFinding> candidates) {
        if (candidates.size() <= 1) {
            return candidates;
        }
        candidates.sort(WINNER_FIRST);
        TreeMap<Integer, PiiFinding> kept = new TreeMap<>();
        for (PiiFinding candidate : candidates) {
            Map.Entry<Integer, PiiFinding> before = kept.floorEntry(candidate.start());
            if (before != null && before.getValue().end() > candidate.start()) {
                continue;
            }
            Map.Entry<Integer, PiiFinding> after = kept.ceilingEntry(candidate.start());
            if (after != null && after.getKey() < candidate.end()) {
                continue;
            }
            kept.put(candidate.start(), candidate);
        }
        return new ArrayList<>(kept.values());
    }

    // ---------------------------------------------------------------- character helpers

    private enum CharClass { UPPER_ALNUM, ALNUM, ALNUM_DASH, WORD, BASE64_URL }

    private static int runEnd(String text, int from, CharClass charClass) {
        int i = from;
        int length = text.length();
        while (i < length && belongsTo(text.charAt(i), charClass)) {
            i++;
        }
        return i;
    }

    private static boolean belongsTo(char c, CharClass charClass) {
        return switch (charClass) {
            case UPPER_ALNUM -> (c >= 'A' && c <= 'Z') || isDigit(c);
            case ALNUM -> isAsciiLetterOrDigit(c);
            case ALNUM_DASH -> isAsciiLetterOrDigit(c) || c == '-';
            case WORD -> isAsciiLetterOrDigit(c) || c == '_';
            case BASE64_URL -> isAsciiLetterOrDigit(c) || c == '_' || c == '-';
        };
    }

    /** The number at {@code start} continues a preceding token: ORD-4111..., +4111..., "12 4111 ...". */
    private static boolean continuesNumber(String text, int start) {
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
    private static boolean endsInsideToken(String text, int end) {
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

    private static char charAtOrSpace(String text, int index) {
        return index < text.length() ? text.charAt(index) : ' ';
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || isDigit(c);
    }

    /** Letters and digits of any script count, so "Straße4111..." is one token; surrogates (emoji) do not. */
    private static boolean isWordChar(char c) {
        if (c < 128) {
            return isAsciiLetterOrDigit(c) || c == '_';
        }
        return Character.isLetterOrDigit(c);
    }
}
