package org.custodian.infrastructure.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.Deflater;
import org.custodian.infrastructure.io.BlockFillingStream;

/**
 * Raw Deflate (RFC 1951, what an OpenPGP ZIP packet holds) of one stream on several threads, as pigz does: the
 * input is cut into blocks that are compressed side by side, each primed with the 32 KiB before it and ended with a
 * sync flush (byte-aligned, not final), and written in order, so the output is one ordinary Deflate stream that any
 * inflater (gpg, zlib) reads. Deflate was most of an export's CPU; one large table no longer waits on one core.
 * <p>
 * A block nobody has started yet is compressed by the writing thread itself when it needs the result, so this
 * never waits on a busy or exhausted executor. Not thread-safe (one writer), like any stream.
 */
final class ParallelDeflaterOutputStream extends BlockFillingStream {

    private static final int BLOCK = 1 << 20;
    private static final int WINDOW = 32 * 1024;

    private final OutputStream out;
    private final Executor executor;
    private final int level;
    private final int ahead;
    private final Deque<Block> pending = new ArrayDeque<>();
    private byte[] previousTail;
    private boolean closed;

    /** threads: how many blocks may be compressed at once (1: compressed on the writing thread, in turn). */
    ParallelDeflaterOutputStream(OutputStream out, Executor executor, int threads, int level) {
        super(BLOCK);
        this.out = out;
        this.executor = executor;
        this.level = level;
        this.ahead = Math.max(1, threads);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        super.write(bytes, offset, length);
    }

    @Override
    protected byte[] full(byte[] full) throws IOException {
        submit(full, full.length, false);
        return new byte[BLOCK];
    }

    /** Writes the final block and everything still pending; does not close the stream underneath. */
    public void finish() throws IOException {
        ensureOpen();
        closed = true;
        submit(block(), filled(), true);
        while (!pending.isEmpty()) {
            writeHead();
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            finish();
        }
    }

    private void submit(byte[] input, int length, boolean last) throws IOException {
        Block block = new Block(input, length, previousTail, level, last);
        previousTail = Arrays.copyOfRange(input, Math.max(0, length - WINDOW), length);
        pending.addLast(block);
        if (ahead > 1) {
            try {
                executor.execute(block::runOnce);
            } catch (RejectedExecutionException e) {
                // the writing thread compresses it when it gets there
            }
        }
        while (pending.size() >= ahead) {
            writeHead();
        }
    }

    private void writeHead() throws IOException {
        Block head = pending.removeFirst();
        head.runOnce();
        try {
            out.write(head.result.join());
        } catch (CompletionException e) {
            throw new IOException("compressing failed: " + e.getCause(), e.getCause());
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the deflating stream is finished");
        }
    }

    /** One block of input and its compressed bytes, computed once by whichever thread gets there first. */
    private static final class Block {

        private final byte[] input;
        private final int length;
        private final byte[] dictionary;
        private final int level;
        private final boolean last;
        private final AtomicBoolean started = new AtomicBoolean();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();

        Block(byte[] input, int length, byte[] dictionary, int level, boolean last) {
            this.input = input;
            this.length = length;
            this.dictionary = dictionary;
            this.level = level;
            this.last = last;
        }

        void runOnce() {
            if (!started.compareAndSet(false, true)) {
                return;
            }
            try {
                result.complete(compress());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }

        private byte[] compress() {
            Deflater deflater = new Deflater(level, true);
            try {
                if (dictionary != null && dictionary.length > 0) {
                    deflater.setDictionary(dictionary);
                }
                deflater.setInput(input, 0, length);
                ByteArrayOutputStream compressed = new ByteArrayOutputStream(length / 2 + 64);
                byte[] buffer = new byte[64 * 1024];
                if (last) {
                    deflater.finish();
                    while (!deflater.finished()) {
                        compressed.write(buffer, 0, deflater.deflate(buffer));
                    }
                } else {
                    // a sync flush ends on a byte boundary without marking the stream final: the next block follows
                    int n;
                    do {
                        n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                        compressed.write(buffer, 0, n);
                    } while (n == buffer.length);
                }
                return compressed.toByteArray();
            } finally {
                deflater.end();
            }
        }
    }
}
