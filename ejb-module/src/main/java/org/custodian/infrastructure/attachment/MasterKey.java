package org.custodian.infrastructure.attachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's attachment master key (32 random bytes, base64, {@code custodian.attachment.master-key}). It
 * wraps the data keys as OpenPGP symmetric messages of their base64 text, so an operator can unwrap one with
 * {@code gpg --decrypt --passphrase-file master-key}: no Custodian code is needed to open an attachment.
 */
public final class MasterKey {

    private static final byte[] LABEL = "custodian-key-fingerprint".getBytes(StandardCharsets.US_ASCII);

    private final String text;

    public MasterKey(String text) {
        String trimmed = text == null ? "" : text.trim();
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("custodian.attachment.master-key must be base64 of 32 random bytes", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("custodian.attachment.master-key must be 32 bytes (base64 of 32 random"
                    + " bytes), not " + raw.length);
        }
        this.text = trimmed;
    }

    /** As the installation records key fingerprints: an HMAC under the key itself, never the key. */
    public String fingerprint() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(text.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "hmac:" + HexFormat.of().formatHex(mac.doFinal(LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", e);
        }
    }

    /** The data key's passphrase (base64 text) encrypted under this master key. */
    public byte[] wrap(char[] dataKeyPassphrase) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = AttachmentCipher.encrypting(out, text.toCharArray(), "data-key")) {
            encrypting.write(new String(dataKeyPassphrase).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public char[] unwrap(byte[] wrapped) {
        try (InputStream in = AttachmentCipher.decrypting(new ByteArrayInputStream(wrapped), text.toCharArray())) {
            byte[] clear = in.readAllBytes();
            char[] passphrase = new String(clear, StandardCharsets.US_ASCII).toCharArray();
            Arrays.fill(clear, (byte) 0);
            return passphrase;
        } catch (IOException e) {
            throw new IllegalStateException("cannot unwrap an attachment data key with the master key "
                    + fingerprint() + ": " + e.getMessage(), e);
        }
    }
}
