package org.custodian.application.shared;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 as the keyed hashes of secrets use it (API keys, recovery codes, invitation tokens): one place that
 * derives a purpose's key from an installation key and that separates the hashed parts, so the hashes stay
 * comparable with the rows already stored.
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {
    }

    /** The key for one purpose: the HMAC of {@code label} under {@code raw}. */
    public static SecretKeySpec derive(byte[] raw, byte[] label) {
        return derive(new SecretKeySpec(raw, ALGORITHM), label);
    }

    /** The key for one purpose: the HMAC of {@code label} under {@code key}. */
    public static SecretKeySpec derive(SecretKeySpec key, byte[] label) {
        return new SecretKeySpec(mac(key, label), ALGORITHM);
    }

    /** The hex HMAC of the parts, a zero byte between each two (so "ab" + "c" does not hash as "a" + "bc"). */
    public static String hex(SecretKeySpec key, byte[]... parts) {
        return HexFormat.of().formatHex(mac(key, parts));
    }

    private static byte[] mac(SecretKeySpec key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    mac.update((byte) 0);
                }
                mac.update(parts[i]);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
