package org.custodian.domain.model.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes an event's canonical form (see {@link AuditEvent}) straight into UTF-8 bytes. Escaping works on the
 * encoded bytes: the characters JSON escapes ({@code "}, {@code \}, U+0000 to U+001F) are ASCII, and no byte of a
 * multi-byte UTF-8 sequence is ASCII, so the result equals the UTF-8 encoding of the escaped text. Hashing and
 * verification run on every event, and going through a String first cost more than the SHA-256 itself.
 */
final class CanonicalBytes {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer;
    private int length;

    CanonicalBytes(int capacity) {
        buffer = new byte[capacity];
    }

    CanonicalBytes raw(char ascii) {
        ensure(1);
        buffer[length++] = (byte) ascii;
        return this;
    }

    CanonicalBytes number(long value) {
        return ascii(Long.toString(value));
    }

    /** A JSON string (or {@code null}). */
    CanonicalBytes string(String value) {
        if (value == null) {
            ensure(NULL.length);
            System.arraycopy(NULL, 0, buffer, length, NULL.length);
            length += NULL.length;
            return this;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length + 2);
        buffer[length++] = '"';
        int run = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
                copy(utf8, run, i);
                run = i + 1;
                if (b < 0x20) {
                    ensure(6);
                    buffer[length++] = '\\';
                    buffer[length++] = 'u';
                    buffer[length++] = '0';
                    buffer[length++] = '0';
                    buffer[length++] = HEX[b >> 4];
                    buffer[length++] = HEX[b & 0xf];
                } else {
                    ensure(2);
                    buffer[length++] = '\\';
                    buffer[length++] = b;
                }
            }
        }
        copy(utf8, run, utf8.length);
        ensure(1);
        buffer[length++] = '"';
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    private CanonicalBytes ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    private void copy(byte[] source, int from, int to) {
        ensure(to - from);
        System.arraycopy(source, from, buffer, length, to - from);
        length += to - from;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
