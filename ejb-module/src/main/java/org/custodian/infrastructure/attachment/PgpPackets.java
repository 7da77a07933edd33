package org.custodian.infrastructure.attachment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The few pieces of RFC 4880 the attachment format needs: packet headers and lengths (old and new format, partial
 * body lengths), the string-to-key (S2K) that turns a passphrase into an AES key, and the algorithm numbers.
 */
final class PgpPackets {

    static final int TAG_SKESK = 3;
    static final int TAG_COMPRESSED = 8;
    static final int TAG_SED = 9;
    static final int TAG_MARKER = 10;
    static final int TAG_LITERAL = 11;
    static final int TAG_SEIPD = 18;
    static final int TAG_MDC = 19;
    static final int AES_256 = 9;
    static final int SHA_256 = 8;
    static final int S2K_ITERATED_SALTED = 3;
    /** The MDC packet's header (new format, tag 19, length 20): the SHA-1 covers it too. */
    static final byte[] MDC_HEADER = {(byte) 0xD3, 0x14};
    static final int MDC_LENGTH = 22;
    static final int BLOCK = 16;

    /** Reads bytes of a packet stream: the message as stored, or the plaintext inside the encryption. */
    interface Source {
        /** Up to {@code length} bytes, -1 at the end. */
        int read(byte[] buffer, int offset, int length) throws IOException;

        default int readByte() throws IOException {
            byte[] one = new byte[1];
            int n;
            while ((n = read(one, 0, 1)) == 0) {
                // a source returns at least one byte or the end
            }
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        default void readFully(byte[] buffer, int offset, int length) throws IOException {
            while (length > 0) {
                int n = read(buffer, offset, length);
                if (n < 0) {
                    throw new IOException("the OpenPGP message ends too early");
                }
                offset += n;
                length -= n;
            }
        }
    }

    private PgpPackets() {
    }

    /**
     * A packet's body, read across partial body lengths: {@link #read} returns -1 at the packet's end, and the source
     * is then positioned at the next packet.
     */
    static final class Body implements Source {

        private final Source source;
        private long remaining;
        private boolean partial;
        private final boolean untilEnd;

        private Body(Source source, long remaining, boolean partial, boolean untilEnd) {
            this.source = source;
            this.remaining = remaining;
            this.partial = partial;
            this.untilEnd = untilEnd;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (untilEnd) {
                return source.read(buffer, offset, length);
            }
            while (remaining == 0) {
                if (!partial) {
                    return -1;
                }
                newLength(source.readByte());
            }
            int n = source.read(buffer, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                throw new IOException("the OpenPGP message ends inside a packet");
            }
            remaining -= n;
            return n;
        }

        /** A new-format length (RFC 4880 §4.2.2) from its first octet. */
        private void newLength(int first) throws IOException {
            if (first < 0) {
                throw new IOException("the OpenPGP message ends inside a packet");
            } else if (first < 192) {
                remaining = first;
                partial = false;
            } else if (first < 224) {
                remaining = ((first - 192) << 8) + source.readByte() + 192;
                partial = false;
            } else if (first == 255) {
                remaining = 0;
                for (int i = 0; i < 4; i++) {
                    remaining = (remaining << 8) | source.readByte();
                }
                partial = false;
            } else {
                remaining = 1L << (first & 0x1F);
                partial = true;
            }
        }

        /** The rest of a short body (a key packet). */
        byte[] readAll() throws IOException {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[256];
            int n;
            while ((n = read(buffer, 0, buffer.length)) >= 0) {
                all.write(buffer, 0, n);
            }
            return all.toByteArray();
        }
    }

    /** The next packet's tag and body, or null at the end of the source. */
    static Packet next(Source source) throws IOException {
        int first = source.readByte();
        if (first < 0) {
            return null;
        }
        if ((first & 0x80) == 0) {
            throw new IOException("not an OpenPGP packet (header octet " + first + ")");
        }
        if ((first & 0x40) != 0) {
            Body body = new Body(source, 0, true, false);
            body.newLength(source.readByte());
            return new Packet(first & 0x3F, body);
        }
        int tag = (first >> 2) & 0x0F;
        int type = first & 0x03;
        if (type == 3) {
            return new Packet(tag, new Body(source, 0, false, true));
        }
        long length = 0;
        for (int i = 0; i < (1 << type); i++) {
            length = (length << 8) | source.readByte();
        }
        return new Packet(tag, new Body(source, length, false, false));
    }

    record Packet(int tag, Body body) {
    }

    /** A new-format packet header with a definite length. */
    static void writeHeader(OutputStream out, int tag, int length) throws IOException {
        out.write(0xC0 | tag);
        writeLength(out, length);
    }

    static void writeLength(OutputStream out, int length) throws IOException {
        if (length < 192) {
            out.write(length);
        } else if (length < 8384) {
            out.write(((length - 192) >> 8) + 192);
            out.write((length - 192) & 0xFF);
        } else {
            out.write(255);
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
        }
    }

    /** The byte count an S2K count octet stands for (RFC 4880 §3.7.1.3). */
    static long s2kCount(int coded) {
        return (16L + (coded & 15)) << ((coded >> 4) + 6);
    }

    static String digestName(int algorithm) throws IOException {
        return switch (algorithm) {
            case 2 -> "SHA-1";
            case 8 -> "SHA-256";
            case 9 -> "SHA-384";
            case 10 -> "SHA-512";
            case 11 -> "SHA-224";
            default -> throw new IOException("the message's S2K hash algorithm " + algorithm + " is not supported");
        };
    }

    static int aesKeyBytes(int algorithm) throws IOException {
        return switch (algorithm) {
            case 7 -> 16;
            case 8 -> 24;
            case 9 -> 32;
            default -> throw new IOException("the message's cipher " + algorithm + " is not AES: not supported");
        };
    }

    /**
     * The key from a passphrase (S2K types 0, 1 and 3): as many hash contexts as the key needs, the n-th one preloaded
     * with n zero octets, each hashing salt and passphrase (repeated up to the count for type 3).
     */
    static byte[] s2k(char[] passphrase, int type, int hash, byte[] salt, int codedCount, int keyBytes)
            throws IOException {
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase));
        int secretLength = encoded.remaining();
        byte[] data = new byte[(salt == null ? 0 : salt.length) + secretLength];
        if (salt != null) {
            System.arraycopy(salt, 0, data, 0, salt.length);
        }
        encoded.get(data, data.length - secretLength, secretLength);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            byte[] key = new byte[keyBytes];
            MessageDigest digest = MessageDigest.getInstance(digestName(hash));
            long count = type == S2K_ITERATED_SALTED ? Math.max(s2kCount(codedCount), data.length) : data.length;
            for (int filled = 0, preload = 0; filled < keyBytes; preload++) {
                digest.reset();
                for (int i = 0; i < preload; i++) {
                    digest.update((byte) 0);
                }
                long left = count;
                while (left > 0) {
                    int n = (int) Math.min(left, data.length);
                    digest.update(data, 0, n);
                    left -= n;
                }
                byte[] hashed = digest.digest();
                int n = Math.min(hashed.length, keyBytes - filled);
                System.arraycopy(hashed, 0, key, filled, n);
                filled += n;
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot derive the key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    /** AES in OpenPGP's CFB mode (no resynchronization) from an all-zero IV. */
    static Cipher cfb(int mode, byte[] key) throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/CFB/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[BLOCK]));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IOException("AES/CFB is not available: " + e.getMessage(), e);
        }
    }
}
