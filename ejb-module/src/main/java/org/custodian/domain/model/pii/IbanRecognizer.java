package org.custodian.domain.model.pii;

import static org.custodian.domain.model.pii.PiiText.isAsciiLetter;
import static org.custodian.domain.model.pii.PiiText.isAsciiLetterOrDigit;
import static org.custodian.domain.model.pii.PiiText.isDigit;
import static org.custodian.domain.model.pii.PiiText.isGroupSeparator;
import static org.custodian.domain.model.pii.PiiText.isWordChar;

import java.util.List;

/**
 * IBANs, compact or in groups of four (joined by spaces of any kind, dashes, dots or underscores, the same one
 * throughout; letters and digits may be full-width, as {@link NormalizedText} reads them): the country's length
 * in the SWIFT IBAN registry and the mod-97 check must both hold.
 */
final class IbanRecognizer {

    /** IBAN length per registry country (letters packed as {@code (c1 - 'A') * 26 + (c2 - 'A')}), 0 = unknown. */
    private static final int[] IBAN_LENGTHS = new int[26 * 26];

    static {
        // every country of the SWIFT IBAN registry (89; the latest additions HN, MN, NI, OM, SO, YE)
        String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27"
                + " DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22"
                + " IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20"
                + " MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24"
                + " SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
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
        char separator = pos < length && text.charAt(pos) != '/' && isGroupSeparator(text.charAt(pos))
                ? text.charAt(pos) : 0;
        for (int read = 4; read < expected; read++) {
            if (separator != 0 && read % 4 == 0) {
                if (pos >= length || text.charAt(pos) != separator) {
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

    /** ISO 13616 check: BBAN + country + check digits, letters as 10..35, mod 97 (separators skipped). */
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
