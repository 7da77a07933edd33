package org.custodian.infrastructure.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Blocks of a source fetched on a thread of their own, a few ahead of the reader (#24, downloads): the chunks' round
 * trips to the database, their decryption and the reader's hashing and sending then run side by side instead of one
 * after the other. The blocks change hands without a copy. A failure of the source reaches the reader at the block
 * where it happened; {@link #close} stops the fetching thread (it closes the source) without waiting for it.
 */
final class ReadAheadStream extends InputStream {

    /** Where the blocks come from; read by the fetching thread only. */
    interface Blocks {

        /** The next block (not empty), or null at the end. */
        byte[] next() throws IOException;

        /** Called once on the fetching thread when it stops, at the end, after a failure or after a close. */
        void close() throws IOException;
    }

    private static final byte[] END = new byte[0];
    private static final long OFFER_WAIT_MS = 100;

    private final BlockingQueue<Object> ahead;
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /** Starts fetching at once on a new thread of {@code threads}, at most {@code depth} blocks ahead. */
    ReadAheadStream(Blocks source, ThreadFactory threads, int depth) {
        this.ahead = new ArrayBlockingQueue<>(depth);
        Thread fetcher = threads.newThread(() -> fetch(source));
        fetcher.setName("attachment-read-ahead");
        fetcher.start();
    }

    /** Blocks of {@code size} bytes (the last one shorter) read from a stream, which {@link Blocks#close} closes. */
    static Blocks of(InputStream in, int size) {
        return new Blocks() {
            @Override
            public byte[] next() throws IOException {
                byte[] block = new byte[size];
                int n = in.readNBytes(block, 0, size);
                return n == 0 ? null : n == size ? block : Arrays.copyOf(block, n);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private void fetch(Blocks source) {
        try (AutoCloseable ignored = source::close) {
            while (!closed) {
                byte[] block = source.next();
                if (!hand(block == null ? END : block) || block == null) {
                    return;
                }
            }
        } catch (Exception | Error e) {
            hand(e);
        }
    }

    /** Waits for room; false once the reader closed (nobody will take it). */
    private boolean hand(Object item) {
        try {
            while (!closed) {
                if (ahead.offer(item, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == current.length && !take()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        return n;
    }

    private boolean take() throws IOException {
        if (ended || closed) {
            return false;
        }
        Object item;
        try {
            item = ahead.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the next block");
        }
        if (item == END) {
            ended = true;
            return false;
        }
        if (item instanceof IOException failure) {
            ended = true;
            throw new IOException(failure.getMessage(), failure);
        }
        if (item instanceof Throwable failure) {
            ended = true;
            throw new IOException("reading ahead failed: " + failure, failure);
        }
        current = (byte[]) item;
        position = 0;
        return true;
    }

    @Override
    public void close() {
        closed = true;
        ahead.clear(); // a fetcher waiting for room sees the close at its next try
    }
}
