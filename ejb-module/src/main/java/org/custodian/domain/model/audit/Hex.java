package org.custodian.domain.model.audit;

import java.nio.charset.StandardCharsets;

/** Compares stored lower-case hex with computed bytes without decoding or encoding either (verification does it per event). */
final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();
    private static final byte[] ASCII_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Hex() {
    }

    /** Whether {@code hex} is exactly the lower-case hex form of {@code bytes}. */
    static boolean matches(String hex, byte[] bytes) {
        if (hex == null || hex.length() != bytes.length * 2) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (hex.charAt(2 * i) != DIGITS[(bytes[i] >> 4) & 0xf] || hex.charAt(2 * i + 1) != DIGITS[bytes[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code hex} (lower-case hex digits in ASCII, as read from the database) is the hex form of {@code bytes}. */
    static boolean matches(byte[] hex, byte[] bytes) {
        if (hex == null || hex.length != bytes.length * 2) {
            return false;
        }
        int differences = 0;
        for (int i = 0; i < bytes.length; i++) {
            differences |= (hex[2 * i] ^ ASCII_DIGITS[(bytes[i] >> 4) & 0xf])
                    | (hex[2 * i + 1] ^ ASCII_DIGITS[bytes[i] & 0xf]);
        }
        return differences == 0;
    }
}
