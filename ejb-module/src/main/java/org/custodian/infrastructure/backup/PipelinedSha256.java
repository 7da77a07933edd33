package org.custodian.infrastructure.backup;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SHA-256 of a stream, hashed on a second thread while the caller reads it: verifying a large file is reading
 * (decrypting, inflating) plus hashing the plaintext on one thread, and the hashing (a fifth of it for the big
 * ticket file) can run beside the reading on another core.
 * <p>
 * The caller never waits for a helper that has not started: until the executor runs the helper, blocks queue up to
 * a bound, and when the bound is reached before it started (a busy pool, or a direct executor, which runs it on the
 * caller's own thread, where it declines) the caller takes the work back and hashes every block itself, in order.
 */
final class PipelinedSha256 {

    private static final int BLOCK = 256 * 1024;
    private static final int QUEUED = 8;
    private static final byte[] END = new byte[0];
    private static final int WAITING = 0;
    private static final int HELPER = 1;
    private static final int CALLER = 2;

    private PipelinedSha256() {
    }

    /** Reads {@code in} to its end; returns the hex SHA-256 of what it read. */
    static String of(InputStream in, Executor executor) throws IOException {
        MessageDigest digest = DigestingOutputStream.sha256Digest();
        BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUED);
        AtomicInteger state = new AtomicInteger(WAITING);
        Thread caller = Thread.currentThread();
        CompletableFuture<Void> helper = CompletableFuture.runAsync(() -> {
            if (Thread.currentThread() == caller || !state.compareAndSet(WAITING, HELPER)) {
                return;
            }
            try {
                for (byte[] block = queue.take(); block != END; block = queue.take()) {
                    digest.update(block);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, executor);
        try {
            byte[] block;
            while ((block = next(in)) != null) {
                hand(block, queue, state, digest);
            }
            hand(END, queue, state, digest);
            if (state.compareAndSet(WAITING, CALLER)) {
                hashQueued(queue, digest); // the helper never started: what it would have hashed
            } else if (state.get() == HELPER) {
                helper.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(queue, state);
            throw new IOException("interrupted while hashing", e);
        } catch (IOException | RuntimeException e) {
            stop(queue, state);
            throw e;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** One block (or the end) to the helper, or hashed here once the caller has taken the work back. */
    private static void hand(byte[] block, BlockingQueue<byte[]> queue, AtomicInteger state, MessageDigest digest)
            throws InterruptedException {
        while (true) {
            int now = state.get();
            if (now == CALLER) {
                if (block != END) {
                    digest.update(block);
                }
                return;
            }
            if (now == HELPER) {
                queue.put(block);
                return;
            }
            if (queue.offer(block)) {
                return;
            }
            if (state.compareAndSet(WAITING, CALLER)) {
                hashQueued(queue, digest);
                if (block != END) {
                    digest.update(block);
                }
                return;
            }
            // the helper started meanwhile: hand it over
        }
    }

    private static void hashQueued(BlockingQueue<byte[]> queue, MessageDigest digest) {
        for (byte[] queued = queue.poll(); queued != null; queued = queue.poll()) {
            if (queued != END) {
                digest.update(queued);
            }
        }
    }

    /** After a failure: a waiting helper never starts, a running one is given its end. */
    private static void stop(BlockingQueue<byte[]> queue, AtomicInteger state) {
        if (!state.compareAndSet(WAITING, CALLER) && state.get() == HELPER) {
            queue.clear();
            queue.offer(END);
        }
    }

    /** The next block of up to {@link #BLOCK} bytes (a full one unless at the end); null at the end. */
    private static byte[] next(InputStream in) throws IOException {
        byte[] block = in.readNBytes(BLOCK);
        return block.length == 0 ? null : block;
    }
}
