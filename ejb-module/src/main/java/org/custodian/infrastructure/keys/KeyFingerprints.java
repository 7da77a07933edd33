package org.custodian.infrastructure.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.custodian.application.auth.JsonWebKeys;

/**
 * Fingerprints that tell keys apart without revealing them: public keys by a hash of the public key, secret keys
 * by an HMAC under the key itself (a fingerprint of a secret is only as strong as the secret: a 32-byte random key
 * cannot be guessed from it, a short passphrase could, which is one more reason to let the installation generate
 * them).
 */
final class KeyFingerprints {

    private static final byte[] LABEL = "custodian-key-fingerprint".getBytes(StandardCharsets.US_ASCII);

    private KeyFingerprints() {
    }

    /** The RFC 7638 thumbprint of the RSA token signing key's public half (also its {@code kid}). */
    static String tokenSigningKey(String privateKeyText) {
        return "jwk:" + JsonWebKeys.thumbprint(JsonWebKeys.publicHalf(JsonWebKeys.privateKey(privateKeyText)));
    }

    /** SHA-256 of the public key's X.509 encoding (Ed25519 or EC). */
    static String publicKey(String publicKeyText) {
        byte[] der = Base64.getDecoder().decode(publicKeyText.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "")
                .replaceAll("\\s", ""));
        // parsed only to refuse what is not a key; the fingerprint is over the encoding
        for (String algorithm : new String[] {"Ed25519", "EC"}) {
            try {
                KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("not an Ed25519 or EC public key");
    }

    static String secret(String secretText) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretText.trim().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "hmac:" + HexFormat.of().formatHex(mac.doFinal(LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", e);
        }
    }

    static String openPgp(String fingerprint) {
        return "openpgp:" + fingerprint;
    }
}
