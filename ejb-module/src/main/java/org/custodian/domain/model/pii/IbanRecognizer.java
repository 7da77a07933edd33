package org.custodian.domain.model.pii;

import static org.custodian.domain.model.pii.PiiText.isAsciiLetter;
import static org.custodian.domain.model.pii.PiiText.isAsciiLetterOrDigit;
import static org.custodian.domain.model.pii.PiiText.isDigit;
import static org.custodian.domain.model.pii.PiiText.isWordChar;

import java.util.List;

/** IBANs, compact or in groups of four: the country's ISO 13616 length and the mod-97 check must both hold. */
final class IbanRecognizer {

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

    private IbanRecognizer() {
    }

    /** Reads the token starting at {@code start} (a letter at a word start) and reports it if it is an IBAN. */
    static void find(String text, int start, List<PiiFinding> out) {
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

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }
}
