package org.custodian.infrastructure.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and SHA-256-hashes what passes through, so one pass over the data gives both checksums of a file. */
public final class DigestingOutputStream extends FilterOutputStream {

    private final MessageDigest digest;
    private long count;

    DigestingOutputStream(OutputStream out) {
        super(out);
        digest = sha256Digest();
    }

    /** A fresh SHA-256 digest: the one hash of backup files, on the way out and on the way back in. */
    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        count += len;
    }

    long count() {
        return count;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
