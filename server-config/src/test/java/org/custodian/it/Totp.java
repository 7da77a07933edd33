package org.custodian.it;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The codes an authenticator app shows (RFC 6238 TOTP, SHA-1, six digits, 30-second steps), for the portal tests. */
final class Totp {

    private Totp() {
    }

    /** A six-digit code that is none of the codes the server would accept now. */
    static String wrongCode(String secret, long step) {
        for (int candidate = 0; ; candidate++) {
            String guess = String.format("%06d", candidate);
            if (!guess.equals(code(secret, step - 1)) && !guess.equals(code(secret, step))
                    && !guess.equals(code(secret, step + 1)) && !guess.equals(code(secret, step + 2))) {
                return guess;
            }
        }
    }

    /** RFC 6238 written again for the test, from the RFC rather than from the server's code. */
    static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32Decode(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[19] & 0xf;
            int value = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
            return String.format("%06d", value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32Decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            int value = alphabet.indexOf(c);
            if (value < 0) {
                continue;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
