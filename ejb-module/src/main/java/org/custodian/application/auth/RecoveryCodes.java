package org.custodian.application.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-time recovery codes: ten characters of base32 (50 bits each), shown as {@code xxxxx-xxxxx}. Case, spaces
 * and dashes do not matter when one is typed back.
 */
final class RecoveryCodes {

    static final int LENGTH = 10;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private RecoveryCodes() {
    }

    static List<String> generate(SecretSealer random, int count) {
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = random.randomBytes(LENGTH);
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int j = 0; j < LENGTH; j++) {
                if (j == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(bytes[j] & 31));
            }
            codes.add(code.toString().toLowerCase(Locale.ROOT));
        }
        return codes;
    }

    /** The code in upper case without separators, or null if it cannot be a recovery code. */
    static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }
}
