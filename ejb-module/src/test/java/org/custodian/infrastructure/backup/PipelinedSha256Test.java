package org.custodian.infrastructure.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The pipelined hash is the plain hash, whoever ends up hashing: a helper thread, or the caller. */
class PipelinedSha256Test {

    private static final byte[] DATA = new byte[5 * 1024 * 1024 + 123];

    static {
        new Random(27).nextBytes(DATA);
    }

    @Test
    void aHelperThreadHashesWhatTheCallerReads() throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertEquals(BackupSetWriter.sha256(DATA), PipelinedSha256.of(new ByteArrayInputStream(DATA), pool));
            assertEquals(BackupSetWriter.sha256(new byte[0]), PipelinedSha256.of(InputStream.nullInputStream(), pool));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aDirectExecutorOrAHelperThatNeverStartsLeavesTheHashingToTheCaller() throws IOException {
        assertEquals(BackupSetWriter.sha256(DATA), PipelinedSha256.of(new ByteArrayInputStream(DATA), Runnable::run));
        assertEquals(BackupSetWriter.sha256(DATA), PipelinedSha256.of(new ByteArrayInputStream(DATA), task -> { }));
        byte[] small = {1, 2, 3};
        assertEquals(BackupSetWriter.sha256(small), PipelinedSha256.of(new ByteArrayInputStream(small), task -> { }));
    }

    @Test
    void aReadFailureEndsTheHelper() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            InputStream failing = new FilterInputStream(new ByteArrayInputStream(DATA)) {
                private int read;

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    if ((read += length) > 2 * 1024 * 1024) {
                        throw new IOException("integrity check failed");
                    }
                    return super.read(bytes, offset, length);
                }
            };
            assertEquals("integrity check failed", assertThrows(IOException.class,
                    () -> PipelinedSha256.of(failing, pool)).getMessage());
            // the helper ended: the single thread is free for the next task
            assertEquals(BackupSetWriter.sha256(DATA), PipelinedSha256.of(new ByteArrayInputStream(DATA), pool));
        } finally {
            pool.shutdown();
        }
    }
}
