package org.custodian.infrastructure.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Blocks deflated side by side make one Deflate stream that zlib inflates, about as small as one deflater's. */
class ParallelDeflaterOutputStreamTest {

    private static ExecutorService executor;

    @BeforeAll
    static void start() {
        executor = Executors.newFixedThreadPool(3);
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    @Test
    void severalBlocksOnSeveralThreadsInflateToTheInputAndCompressAlmostAsWell() throws Exception {
        byte[] csv = csv(5_500_000);
        byte[] parallel = deflate(csv, 3, executor::execute);
        assertArrayEquals(csv, inflate(parallel));
        Deflater single = new Deflater(Deflater.BEST_SPEED, true);
        single.setInput(csv);
        single.finish();
        byte[] buffer = new byte[csv.length];
        int singleSize = single.deflate(buffer);
        single.end();
        // each block starts from the 32 KiB before it, so little is lost against one deflater
        assertTrue(parallel.length < singleSize * 1.02, parallel.length + " bytes against " + singleSize);
    }

    @Test
    void inputsOfExactlyOneBlockNoneAndSingleBytesRoundTrip() throws Exception {
        for (byte[] input : new byte[][] {new byte[0], csv(1 << 20), csv(2 << 20), "x".getBytes(StandardCharsets.UTF_8)}) {
            assertArrayEquals(input, inflate(deflate(input, 3, executor::execute)));
            assertArrayEquals(input, inflate(deflate(input, 1, Runnable::run)));
        }
    }

    @Test
    void aRefusingExecutorLeavesTheWorkToTheWritingThread() throws Exception {
        byte[] csv = csv(3_000_000);
        assertArrayEquals(csv, inflate(deflate(csv, 4, task -> {
            throw new RejectedExecutionException("busy");
        })));
    }

    @Test
    void nothingMayBeWrittenAfterFinish() throws Exception {
        ParallelDeflaterOutputStream out = new ParallelDeflaterOutputStream(new ByteArrayOutputStream(),
                executor::execute, 2, Deflater.BEST_SPEED);
        out.finish();
        assertThrows(IOException.class, () -> out.write(1));
    }

    private static byte[] deflate(byte[] input, int threads, java.util.concurrent.Executor on) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream out = new ParallelDeflaterOutputStream(compressed, on, threads, Deflater.BEST_SPEED)) {
            // odd write sizes, so that writes straddle the blocks
            int offset = 0;
            int chunk = 1;
            while (offset < input.length) {
                int length = Math.min(chunk, input.length - offset);
                out.write(input, offset, length);
                offset += length;
                chunk = chunk * 7 % 300_007 + 1;
            }
        }
        return compressed.toByteArray();
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        inflater.setInput(compressed);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            plain.write(buffer, 0, n);
            if (n == 0 && !inflater.finished() && inflater.needsInput()) {
                throw new DataFormatException("the stream ended without its final block");
            }
        }
        inflater.end();
        return plain.toByteArray();
    }

    /** Table-dump-like text: repetitive enough to compress several times. */
    private static byte[] csv(int bytes) {
        Random random = new Random(bytes);
        StringBuilder text = new StringBuilder();
        while (text.length() < bytes) {
            text.append(random.nextInt(1_000_000)).append(",EU,\"Printer ").append(random.nextInt(500))
                    .append(" does not print\",OPEN,").append(random.nextBoolean() ? "HIGH" : "LOW").append('\n');
        }
        return text.substring(0, bytes).getBytes(StandardCharsets.UTF_8);
    }
}
