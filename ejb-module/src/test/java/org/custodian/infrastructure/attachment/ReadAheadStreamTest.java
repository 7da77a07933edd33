package org.custodian.infrastructure.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Downloads read ahead (#24): the same bytes in order, a failure where it happened, a close that stops the thread. */
class ReadAheadStreamTest {

    @Test
    void handsOnEveryBlockInOrderAndEncryptedContentStillOpens() throws IOException {
        byte[] plain = new byte[5 * 1024 * 1024 + 3];
        new SecureRandom().nextBytes(plain);
        char[] key = "a-test-passphrase-of-the-data-key".toCharArray();
        java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
        try (var out = AttachmentCipher.encrypting(message, key, "file.bin")) {
            out.write(plain);
        }
        // the download's two stages: ciphertext in 1 MiB blocks, plaintext in quarter blocks, each on its thread
        ReadAheadStream ciphertext = new ReadAheadStream(ReadAheadStream.of(
                new ByteArrayInputStream(message.toByteArray()), 1 << 20), Thread::new, 2);
        try (InputStream in = new ReadAheadStream(ReadAheadStream.of(AttachmentCipher.decrypting(ciphertext, key),
                1 << 18), Thread::new, 4)) {
            assertArrayEquals(plain, in.readAllBytes());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void aFailureReachesTheReaderAfterTheBlocksBeforeIt() throws IOException {
        AtomicInteger closed = new AtomicInteger();
        ReadAheadStream.Blocks failing = new ReadAheadStream.Blocks() {
            private int next;

            @Override
            public byte[] next() throws IOException {
                if (next++ < 2) {
                    return new byte[] {(byte) next};
                }
                throw new IOException("the integrity check (MDC) failed: the ciphertext was altered");
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
        try (ReadAheadStream in = new ReadAheadStream(failing, Thread::new, 4)) {
            assertEquals(1, in.read());
            assertEquals(2, in.read());
            IOException failure = assertThrows(IOException.class, in::read);
            assertTrue(failure.getMessage().contains("MDC"), failure.getMessage());
        }
        assertEquals(1, closed.get(), "the source is closed once, by its thread");
    }

    @Test
    void aCloseStopsTheFetchingThreadWhileItWaitsForRoom() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        CountDownLatch stopped = new CountDownLatch(1);
        ReadAheadStream.Blocks endless = new ReadAheadStream.Blocks() {
            @Override
            public byte[] next() {
                fetched.incrementAndGet();
                return new byte[16];
            }

            @Override
            public void close() {
                stopped.countDown();
            }
        };
        ReadAheadStream in = new ReadAheadStream(endless, Thread::new, 2);
        assertEquals(16, in.read(new byte[64], 0, 64));
        in.close();
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "the fetching thread ended and closed its source");
        assertTrue(fetched.get() <= 5, "it stopped fetching: " + fetched.get());
        assertEquals(-1, in.read(new byte[1], 0, 1), "a closed stream reads nothing more");
    }
}
