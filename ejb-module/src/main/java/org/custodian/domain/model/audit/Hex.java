package org.custodian.domain.model.audit;

/** Compares stored lower-case hex with computed bytes without decoding or encoding either (verification does it per event). */
final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

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
}
