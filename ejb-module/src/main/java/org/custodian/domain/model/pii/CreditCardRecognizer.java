package org.custodian.domain.model.pii;

import static org.custodian.domain.model.pii.PiiText.endsInsideToken;
import static org.custodian.domain.model.pii.PiiText.isDigit;
import static org.custodian.domain.model.pii.PiiText.isGroupSeparator;
import static org.custodian.domain.model.pii.PiiText.isWordChar;

import java.util.ArrayList;
import java.util.List;

/**
 * Card numbers (PANs): 13 to 19 digits, plain or printed in groups, that pass Luhn, whatever the brand. Whether the
 * number looks real does not matter: test PANs (4111 1111 1111 1111), numbers of brands or ranges this class has
 * never heard of and UATP's 15 digits starting with 1 are card numbers too. 12 digits count only for Maestro
 * (50, 56-69), the one brand that issued them.
 *
 * <p>Luhn lets one random number in ten through, so a few number families that are not cards and are common in
 * tickets are named and left alone: numbers starting with 0 (no card network issues MII 0; compact international
 * phone numbers do start with 00), 1-prefixed numbers of any length but UATP's 15 (epoch timestamps in ms, µs,
 * ns), compact timestamps (yyyyMMddHHmmss[SSS]), one digit repeated (placeholders) and 15 digits labelled IMEI.
 *
 * <p>Reads the {@link NormalizedText}: groups may be joined by spaces of any kind, dots, dashes, underscores or
 * slashes, and digits may be of any script.
 */
final class CreditCardRecognizer {

    private static final int MIN_CARD_DIGITS = 13;
    private static final int MAESTRO_MIN_DIGITS = 12;
    private static final int MAX_CARD_DIGITS = 19;
    private static final int UATP_DIGITS = 15;
    private static final int IMEI_KEYWORD_DISTANCE = 24;

    private CreditCardRecognizer() {
    }

    /** Reads the digit run starting at {@code start} (the first digit of a number) and reports it if it is a card. */
    static void find(String text, int start, List<PiiFinding> out) {
        if (continuesOtherToken(text, start)) {
            return;
        }
        int length = text.length();
        int pos = start;
        int digits = 0;
        int groups = 0;
        boolean groupsLookLikeCard = true;
        // where each group ends, with the digits up to there and whether the groups so far look printed like a PAN:
        // a card followed by more digits ("4111 1111 1111 1111 123" with its CVV, or a reference after it) is
        // still the card, so shorter runs ending at a group boundary are tried when the whole run is not one
        List<int[]> boundaries = new ArrayList<>();
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
            if (digits > MAX_CARD_DIGITS && groups == 1) {
                return; // one run of more digits is never a card
            }
            boundaries.add(new int[] {pos, digits, groups, groupsLookLikeCard ? 1 : 0});
            if (digits <= MAX_CARD_DIGITS && pos + 1 < length && isGroupSeparator(text.charAt(pos))
                    && isDigit(text.charAt(pos + 1))) {
                pos++;
            } else {
                break;
            }
        }
        for (int i = boundaries.size() - 1; i >= 0; i--) {
            int end = boundaries.get(i)[0];
            int count = boundaries.get(i)[1];
            boolean whole = i == boundaries.size() - 1;
            boolean looksLikeCard = boundaries.get(i)[2] == 1 || boundaries.get(i)[3] == 1;
            if (count > MAX_CARD_DIGITS || count < MAESTRO_MIN_DIGITS || !looksLikeCard
                    || (whole && endsInsideToken(text, end)) || (!whole && !endsTheCard(text, boundaries, i))) {
                continue;
            }
            String pan = digitsOf(text, start, end, count);
            if (isLuhnValid(pan, 0, pan.length()) && isCardNumber(pan) && !labelledImei(text, start, pan)) {
                out.add(new PiiFinding(PiiType.CREDIT_CARD, start, end));
                return;
            }
        }
    }

    /**
     * Whether the run may stop at boundary {@code i} short of its end: what follows is not more of the same number —
     * another separator than the card's own (5555.5555.5555.4444 5c0a…), a three-digit CVV as the only group after
     * it, or a last group that runs into letters. Otherwise (4111 1111 1111 1111 1111) it is one longer number.
     */
    private static boolean endsTheCard(String text, List<int[]> boundaries, int i) {
        int end = boundaries.get(i)[0];
        int firstEnd = boundaries.get(0)[0];
        if (i > 0 && text.charAt(firstEnd) != text.charAt(end)) {
            return true;
        }
        if (i != boundaries.size() - 2) {
            return false;
        }
        int last = boundaries.size() - 1;
        int lastEnd = boundaries.get(last)[0];
        return boundaries.get(last)[1] - boundaries.get(i)[1] == 3 && !endsInsideToken(text, lastEnd)
                || endsInsideToken(text, lastEnd);
    }

    /**
     * The number continues a preceding token (ORD-4111..., +4111..., 12 4111 ..., X4111...). Unlike other numbers a
     * card may follow '#' ("card #4111 ..."): no ticket or order id is a Luhn-valid run of 13 or more digits often
     * enough to be worth a stored PAN.
     */
    private static boolean continuesOtherToken(String text, int start) {
        if (start == 0) {
            return false;
        }
        char prev = text.charAt(start - 1);
        if (isWordChar(prev) || prev == '+' || prev == '.' || prev == ',' || prev == '/' || prev == '-') {
            return true;
        }
        return prev == ' ' && start >= 2 && isDigit(text.charAt(start - 2));
    }

    /** The PAN's digits without separators (Luhn valid): is it a card number rather than a named look-alike? */
    static boolean isCardNumber(String pan) {
        int digits = pan.length();
        char first = pan.charAt(0);
        if (digits < MIN_CARD_DIGITS) {
            return digits == MAESTRO_MIN_DIGITS && isMaestroPrefix(pan);
        }
        if (digits > MAX_CARD_DIGITS || first == '0' || (first == '1' && digits != UATP_DIGITS)) {
            return false;
        }
        return !isOneDigitRepeated(pan) && !isCompactTimestamp(pan);
    }

    private static boolean isMaestroPrefix(String pan) {
        int p2 = (pan.charAt(0) - '0') * 10 + (pan.charAt(1) - '0');
        return p2 == 50 || (p2 >= 56 && p2 <= 69);
    }

    private static boolean isOneDigitRepeated(String pan) {
        for (int i = 1; i < pan.length(); i++) {
            if (pan.charAt(i) != pan.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    /** 20261123104500 or 20261123104500123: a year 1900-2099 and a valid month, day, hour, minute and second. */
    static boolean isCompactTimestamp(String digits) {
        if (digits.length() != 14 && digits.length() != 17) {
            return false;
        }
        int century = number(digits, 0, 2);
        int month = number(digits, 4, 2);
        int day = number(digits, 6, 2);
        return (century == 19 || century == 20) && month >= 1 && month <= 12 && day >= 1 && day <= 31
                && number(digits, 8, 2) <= 23 && number(digits, 10, 2) <= 59 && number(digits, 12, 2) <= 60;
    }

    /**
     * IMEIs are 15 Luhn-valid digits too; one labelled as such stays, unless it has the prefix of a 15-digit card
     * (Amex 34/37, UATP 1), where the label cannot make it safe to keep.
     */
    private static boolean labelledImei(String text, int start, String pan) {
        if (pan.length() != UATP_DIGITS || pan.charAt(0) == '1' || pan.startsWith("34") || pan.startsWith("37")) {
            return false;
        }
        int from = Math.max(0, start - IMEI_KEYWORD_DISTANCE);
        for (int at = start - 4; at >= from; at--) {
            if (text.regionMatches(true, at, "imei", 0, 4) && (at == 0 || !isWordChar(text.charAt(at - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Luhn over the ASCII digits of {@code text[start, end)}, anything else skipped. */
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

    private static String digitsOf(String text, int start, int end, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static int number(String digits, int at, int count) {
        return Integer.parseInt(digits, at, at + count, 10);
    }
}
