package org.custodian.domain.model.audit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Writes an event's canonical form (see {@link AuditEvent}) straight into UTF-8 bytes. Escaping works on the
 * encoded bytes: the characters JSON escapes ({@code "}, {@code \}, U+0000 to U+001F) are ASCII, and no byte of a
 * multi-byte UTF-8 sequence is ASCII, so the result equals the UTF-8 encoding of the escaped text. Hashing and
 * verification run on every event, and going through a String first cost more than the SHA-256 itself. For the
 * same reason a writer is reused ({@link #reset()}) and fed to the digest in place, and strings are scanned for
 * characters to escape eight bytes at a time (almost none of them has any).
 */
final class CanonicalBytes {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private static final byte[] PREFIX = ("[\"" + AuditEvent.FORMAT + "\",").getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer;
    private int length;
    /** The values of {@link #utf8Strings}, back to back, checked for characters to escape in one pass. */
    private byte[] scratch = new byte[512];
    /** The second last rendered by {@link #timeMicros}, and its {@code "yyyy-MM-ddTHH:mm:ss.} (many events share one). */
    private long renderedSecond = Long.MIN_VALUE;
    private final byte[] renderedSecondText = new byte[21];

    CanonicalBytes(int capacity) {
        buffer = new byte[capacity];
    }

    /** Empties the writer for the next event, keeping its buffer. */
    CanonicalBytes reset() {
        length = 0;
        return this;
    }

    /** Feeds what was written to {@code digest}, without copying it out. */
    void updateDigest(MessageDigest digest) {
        digest.update(buffer, 0, length);
    }

    CanonicalBytes raw(char ascii) {
        ensure(1);
        buffer[length++] = (byte) ascii;
        return this;
    }

    CanonicalBytes number(long value) {
        if (value < 0) {
            return ascii(Long.toString(value));
        }
        int count = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            count++;
        }
        ensure(count);
        for (int i = length + count - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += count;
        return this;
    }

    /** The canonical form's start: {@code ["custodian-audit-v1",<sequence>,}. */
    CanonicalBytes prefix(long sequence) {
        ensure(PREFIX.length);
        System.arraycopy(PREFIX, 0, buffer, length, PREFIX.length);
        length += PREFIX.length;
        return number(sequence).raw(',');
    }

    /**
     * JSON strings (or {@code null}s) separated by commas, from their UTF-8 bytes. The values are checked for
     * characters to escape in one pass over all of them: checking each short value on its own cost more than
     * hashing it.
     */
    CanonicalBytes utf8Strings(byte[]... values) {
        int total = 0;
        for (byte[] value : values) {
            total += value == null ? 0 : value.length;
        }
        if (scratch.length < total) {
            scratch = new byte[Math.max(total, scratch.length * 2)];
        }
        int at = 0;
        for (byte[] value : values) {
            if (value != null) {
                System.arraycopy(value, 0, scratch, at, value.length);
                at += value.length;
            }
        }
        boolean plain = !needsEscaping(scratch, 0, total);
        ensure(total + values.length * (NULL.length + 1));
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                raw(','); // escaped values may have used the room reserved above
            }
            byte[] value = values[i];
            if (value == null || !plain) {
                utf8(value);
            } else {
                buffer[length++] = '"';
                System.arraycopy(value, 0, buffer, length, value.length);
                length += value.length;
                buffer[length++] = '"';
            }
        }
        return this;
    }

    /** A JSON string (or {@code null}). */
    CanonicalBytes string(String value) {
        if (value == null) {
            ensure(NULL.length);
            System.arraycopy(NULL, 0, buffer, length, NULL.length);
            length += NULL.length;
            return this;
        }
        return utf8(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A JSON string from its UTF-8 bytes as the database sends them (or {@code null}): verification renders
     * straight from the wire, without decoding to a String and encoding back.
     */
    CanonicalBytes utf8(byte[] utf8) {
        if (utf8 == null) {
            return string(null);
        }
        ensure(utf8.length + 2);
        buffer[length++] = '"';
        if (!needsEscaping(utf8)) {
            System.arraycopy(utf8, 0, buffer, length, utf8.length);
            length += utf8.length;
            buffer[length++] = '"';
            return this;
        }
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

    /** {@code instant} as a JSON string, ISO-8601 UTC with three fraction digits and Z (see AuditEvent). */
    CanonicalBytes time(Instant instant) {
        return time(instant.getEpochSecond(), instant.getNano() / 1_000_000);
    }

    /** As {@link #time(Instant)} for microseconds since the epoch (how PostgreSQL sends a timestamp). */
    CanonicalBytes timeMicros(long epochMicros) {
        return time(Math.floorDiv(epochMicros, 1_000_000L), (int) (Math.floorMod(epochMicros, 1_000_000L) / 1000));
    }

    /** The text up to the second is reused while events share their second (most neighbours in a trail do). */
    private CanonicalBytes time(long second, int millis) {
        if (second != renderedSecond) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            if (t.getYear() < 0 || t.getYear() > 9999) {
                return string(AuditEvent.formatTime(Instant.ofEpochSecond(second, millis * 1_000_000L)));
            }
            int mark = length;
            ensure(21);
            buffer[length++] = '"';
            digits(t.getYear(), 4).raw('-').digits(t.getMonthValue(), 2).raw('-').digits(t.getDayOfMonth(), 2)
                    .raw('T').digits(t.getHour(), 2).raw(':').digits(t.getMinute(), 2).raw(':')
                    .digits(t.getSecond(), 2).raw('.');
            System.arraycopy(buffer, mark, renderedSecondText, 0, 21);
            renderedSecond = second;
        } else {
            ensure(21);
            System.arraycopy(renderedSecondText, 0, buffer, length, 21);
            length += 21;
        }
        ensure(5);
        digits(millis, 3);
        buffer[length++] = 'Z';
        buffer[length++] = '"';
        return this;
    }

    private CanonicalBytes digits(int value, int count) {
        for (int i = length + count - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += count;
        return this;
    }

    /** Whether any byte is {@code "}, {@code \} or below 0x20; eight at a time, with the usual SWAR tests. */
    static boolean needsEscaping(byte[] utf8) {
        return needsEscaping(utf8, 0, utf8.length);
    }

    /** As {@link #needsEscaping(byte[])} for the bytes {@code [from, to)}. */
    static boolean needsEscaping(byte[] utf8, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(utf8, i);
            long quote = word ^ (ONES * '"');
            long backslash = word ^ (ONES * '\\');
            // a zero byte in quote/backslash, or a byte below 0x20 in word; bytes from 0x80 up never match
            long hits = ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((word - ONES * 0x20) & ~word);
            if ((hits & HIGH_BITS) != 0) {
                return true;
            }
        }
        for (; i < to; i++) {
            byte b = utf8[i];
            if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
                return true;
            }
        }
        return false;
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
