package org.custodian.domain.model.pii;

import static org.custodian.domain.model.pii.PiiText.continuesNumber;
import static org.custodian.domain.model.pii.PiiText.endsInsideToken;
import static org.custodian.domain.model.pii.PiiText.isDigit;

import java.util.List;

/** Card numbers (PANs): 12 to 19 digits, plain or printed in groups, that pass Luhn and belong to a known issuer. */
final class CreditCardRecognizer {

    private static final int MIN_CARD_DIGITS = 12;
    private static final int MAX_CARD_DIGITS = 19;

    private CreditCardRecognizer() {
    }

    /** Reads the digit run starting at {@code start} (the first digit of a number) and reports it if it is a card. */
    static void find(String text, int start, List<PiiFinding> out) {
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
}
