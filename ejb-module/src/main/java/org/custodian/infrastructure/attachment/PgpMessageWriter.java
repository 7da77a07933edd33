package org.custodian.infrastructure.attachment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * Writes one OpenPGP message (RFC 4880): a symmetric-key encrypted session key packet (v4, AES-256, iterated and
 * salted SHA-256 S2K, no encrypted session key: the S2K output is the message key), then a symmetrically encrypted
 * integrity protected data packet (v1: AES-256 in OpenPGP CFB, the MDC a SHA-1) holding one literal data packet.
 * Both packets go out in 256 KiB partial body lengths, so a file of any size streams through fixed buffers: the
 * plaintext is copied once into the literal part, encrypted once into the sealed part, and nothing is allocated per
 * write (a 50 MB upload made about 1 GB of garbage through Bouncy Castle's streams).
 */
final class PgpMessageWriter extends OutputStream {

    /** 2^18 = 256 KiB per partial body part: under G1's humongous size even with 1 MiB regions. */
    private static final int PART_BITS = 18;
    private static final int PART = 1 << PART_BITS;

    private final OutputStream target;
    private final Cipher cipher;
    private final MessageDigest mdc;
    private final Framed literal;
    private final Framed sealed;
    private final byte[] encrypted = new byte[PART + 2 * PgpPackets.BLOCK];
    private boolean closed;

    PgpMessageWriter(OutputStream target, char[] passphrase, String fileName, int s2kCount, SecureRandom random)
            throws IOException {
        this.target = target;
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        byte[] key = PgpPackets.s2k(passphrase, PgpPackets.S2K_ITERATED_SALTED, PgpPackets.SHA_256, salt, s2kCount,
                32);
        try {
            cipher = PgpPackets.cfb(Cipher.ENCRYPT_MODE, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        try {
            mdc = MessageDigest.getInstance("SHA-1");
        } catch (GeneralSecurityException e) {
            throw new IOException("SHA-1 is required by every Java platform", e);
        }
        PgpPackets.writeHeader(target, PgpPackets.TAG_SKESK, 13);
        target.write(new byte[] {4, PgpPackets.AES_256, PgpPackets.S2K_ITERATED_SALTED, PgpPackets.SHA_256});
        target.write(salt);
        target.write(s2kCount);
        sealed = new Framed(PgpPackets.TAG_SEIPD, target::write);
        sealed.write(new byte[] {1}, 0, 1);
        literal = new Framed(PgpPackets.TAG_LITERAL, this::encrypt);
        // the prefix: a random block and its last two octets repeated (the quick check of the key)
        byte[] prefix = new byte[PgpPackets.BLOCK + 2];
        random.nextBytes(prefix);
        prefix[16] = prefix[14];
        prefix[17] = prefix[15];
        encrypt(prefix, 0, prefix.length);
        byte[] name = literalName(fileName);
        byte[] head = new byte[6 + name.length];
        head[0] = 'b';
        head[1] = (byte) name.length;
        System.arraycopy(name, 0, head, 2, name.length);
        long seconds = System.currentTimeMillis() / 1000;
        for (int i = 0; i < 4; i++) {
            head[2 + name.length + i] = (byte) (seconds >>> (24 - 8 * i));
        }
        literal.write(head, 0, head.length);
    }

    /** At most 255 octets of the name's UTF-8 (the literal packet's length octet); the database keeps the full name. */
    private static byte[] literalName(String fileName) {
        String name = fileName == null ? "" : fileName;
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 255) {
            return bytes;
        }
        int end = 255;
        while ((bytes[end] & 0xC0) == 0x80) { // not inside a character
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }

    private void encrypt(byte[] plain, int offset, int length) throws IOException {
        mdc.update(plain, offset, length);
        seal(plain, offset, length);
    }

    private void seal(byte[] plain, int offset, int length) throws IOException {
        try {
            int n = cipher.update(plain, offset, length, encrypted, 0);
            sealed.write(encrypted, 0, n);
        } catch (GeneralSecurityException e) {
            throw new IOException("encrypting failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the OpenPGP message is closed");
        }
        literal.write(buffer, offset, length);
    }

    /** Ends the literal packet, appends the MDC, ends the encrypted packet and closes the target. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            literal.finish();
            encrypt(PgpPackets.MDC_HEADER, 0, PgpPackets.MDC_HEADER.length);
            byte[] hash = mdc.digest();
            seal(hash, 0, hash.length);
            int n = cipher.doFinal(encrypted, 0);
            sealed.write(encrypted, 0, n);
            sealed.finish();
        } catch (GeneralSecurityException e) {
            throw new IOException("encrypting failed: " + e.getMessage(), e);
        } finally {
            target.close();
        }
    }

    /** Where a packet's framed bytes go. */
    @FunctionalInterface
    private interface Sink {
        void write(byte[] buffer, int offset, int length) throws IOException;
    }

    /**
     * One packet's body in partial body lengths of {@link #PART} octets: a part goes out only once more content
     * follows it, so the last part (a definite length) is never empty; a body shorter than a part is one definite
     * length.
     */
    private static final class Framed {

        private final int tag;
        private final Sink sink;
        private final byte[] part = new byte[PART];
        private final HeaderBytes header = new HeaderBytes();
        private int filled;
        private boolean started;

        Framed(int tag, Sink sink) {
            this.tag = tag;
            this.sink = sink;
        }

        void write(byte[] buffer, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == PART) {
                    header.reset();
                    tagOnce();
                    header.write(0xE0 | PART_BITS);
                    sink.write(header.bytes(), 0, header.size());
                    sink.write(part, 0, PART);
                    filled = 0;
                }
                int n = Math.min(length, PART - filled);
                System.arraycopy(buffer, offset, part, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        void finish() throws IOException {
            header.reset();
            tagOnce();
            PgpPackets.writeLength(header, filled);
            sink.write(header.bytes(), 0, header.size());
            sink.write(part, 0, filled);
            filled = 0;
        }

        private void tagOnce() {
            if (!started) {
                header.write(0xC0 | tag);
                started = true;
            }
        }
    }

    /** A few header octets, reused. */
    private static final class HeaderBytes extends java.io.ByteArrayOutputStream {
        HeaderBytes() {
            super(8);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
