package org.custodian.infrastructure.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.custodian.domain.model.attachment.AttachmentRepository;
import org.junit.jupiter.api.Test;

/**
 * Uploads encrypted on another thread (#24): the chunks arrive in order on the caller's thread, 1 MiB each but the
 * last, the seal names their SHA-256 and count, the message opens to the bytes written; a failed insert or a failed
 * encryption reaches the caller and the encrypting thread ends.
 */
class PipelinedChunkWriterTest {

    private static final char[] KEY = "a-test-passphrase-of-the-data-key".toCharArray();

    /** What the writer stored, and on which threads. */
    private static class Stored implements PipelinedChunkWriter.Chunks {
        final List<byte[]> chunks = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();
        String sha256;
        int count = -1;

        @Override
        public void insert(int seq, byte[] chunk) {
            assertEquals(chunks.size(), seq);
            chunks.add(chunk);
            threads.add(Thread.currentThread());
        }

        @Override
        public void seal(String sha256, int count) {
            this.sha256 = sha256;
            this.count = count;
            threads.add(Thread.currentThread());
        }

        byte[] ciphertext() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            chunks.forEach(all::writeBytes);
            return all.toByteArray();
        }
    }

    @Test
    void chunksArriveInOrderOnTheCallersThreadAndOpenToTheUpload() throws Exception {
        byte[] plain = new byte[5 * 1024 * 1024 + 3];
        new SecureRandom().nextBytes(plain);
        Stored stored = new Stored();
        try (OutputStream out = writer(stored, new CopyOnWriteArrayList<>())) {
            for (int at = 0; at < plain.length; at += 65_521) { // odd sizes: blocks and chunks split anywhere
                out.write(plain, at, Math.min(65_521, plain.length - at));
            }
        }
        byte[] ciphertext = stored.ciphertext();
        for (int i = 0; i < stored.chunks.size() - 1; i++) {
            assertEquals(AttachmentRepository.CHUNK_BYTES, stored.chunks.get(i).length);
        }
        assertEquals(stored.chunks.size(), stored.count);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ciphertext)),
                stored.sha256);
        assertTrue(stored.threads.stream().allMatch(thread -> thread == Thread.currentThread()));
        try (InputStream in = AttachmentCipher.decrypting(new ByteArrayInputStream(ciphertext), KEY)) {
            assertArrayEquals(plain, in.readAllBytes());
        }
    }

    @Test
    void anEmptyUploadIsOneSealedChunk() throws Exception {
        Stored stored = new Stored();
        writer(stored, new CopyOnWriteArrayList<>()).close();
        assertEquals(1, stored.count);
        try (InputStream in = AttachmentCipher.decrypting(new ByteArrayInputStream(stored.ciphertext()), KEY)) {
            assertEquals(0, in.readAllBytes().length);
        }
    }

    @Test
    void aFailedInsertReachesTheCallerAndEndsTheEncryptingThread() throws Exception {
        List<Thread> started = new CopyOnWriteArrayList<>();
        Stored failing = new Stored() {
            @Override
            public void insert(int seq, byte[] chunk) {
                throw new IllegalStateException("the database refused chunk " + seq);
            }
        };
        OutputStream out = writer(failing, started);
        byte[] block = new byte[1 << 16];
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> {
            try (out) {
                for (int i = 0; i < 200; i++) { // 12.5 MiB: far more than the queues hold
                    out.write(block);
                }
            }
        });
        assertTrue(refused.getMessage().contains("chunk 0"), refused.getMessage());
        started.get(0).join(10_000);
        assertFalse(started.get(0).isAlive());
        assertEquals(-1, failing.count);
    }

    @Test
    void aFailedEncryptionReachesTheCaller() throws Exception {
        List<Thread> started = new CopyOnWriteArrayList<>();
        Stored stored = new Stored();
        OutputStream out = new PipelinedChunkWriter(stored, runnable -> {
            Thread thread = new Thread(runnable);
            started.add(thread);
            return thread;
        }, ciphertext -> new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("the cipher broke");
            }
        });
        IOException broken = assertThrows(IOException.class, () -> {
            try (out) {
                out.write(new byte[3 * PipelinedChunkWriter.PLAIN_BLOCK]);
            }
        });
        assertTrue(broken.getMessage().contains("the cipher broke"), broken.getMessage());
        started.get(0).join(10_000);
        assertFalse(started.get(0).isAlive());
        assertEquals(-1, stored.count);
    }

    private static OutputStream writer(Stored stored, List<Thread> started) throws IOException {
        return new PipelinedChunkWriter(stored, runnable -> {
            Thread thread = new Thread(runnable);
            started.add(thread);
            return thread;
        }, ciphertext -> AttachmentCipher.encrypting(ciphertext, KEY, "file.bin"));
    }
}
