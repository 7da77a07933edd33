package org.custodian.infrastructure.attachment;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.custodian.domain.model.attachment.AttachmentRepository;
import org.custodian.infrastructure.io.BlockFillingStream;

/**
 * The mirror image of the read-ahead download for an upload (#24): the caller's thread goes on reading, hashing and
 * checking the upload and inserts the finished ciphertext chunks, while a thread of the container's factory encrypts
 * (AES, the MDC's SHA-1) and hashes the ciphertext into 1 MiB chunk arrays, which change hands without a copy. So the
 * database's work on one chunk overlaps the encryption of the next. The inserts stay on the caller's thread, on its
 * transaction's connection: the chunks commit with the attachment and its audit event, or not at all.
 *
 * <p>{@link #close} hands over the end, inserts what is left and seals the attachment (ciphertext SHA-256, chunk
 * count), as {@link ChunkedAttachmentVault.ChunkOutputStream} does. A failure on the encrypting thread reaches the
 * caller at its next write or at the close; a failed insert (or an interrupt) stops the encrypting thread.
 */
final class PipelinedChunkWriter extends BlockFillingStream {

    /** Plaintext handed to the encrypting thread in blocks of this size, at most {@link #PLAIN_AHEAD} waiting. */
    static final int PLAIN_BLOCK = 1 << 18;
    static final int PLAIN_AHEAD = 4;
    /** Finished ciphertext chunks waiting for their insert. */
    static final int CHUNKS_AHEAD = 2;

    private static final long WAIT_MS = 100;

    private final Chunks stored;
    private final BlockingQueue<byte[]> plain = new ArrayBlockingQueue<>(PLAIN_AHEAD);
    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private volatile boolean abandoned;
    private int seq;
    private boolean ended;
    private boolean closed;

    /**
     * Starts the encrypting thread; {@code encrypting} turns the chunk sink into the encrypting stream (it derives
     * the key and writes the message's header here, on the caller's thread).
     */
    PipelinedChunkWriter(Chunks stored, ThreadFactory threads, Encryption encrypting) throws IOException {
        super(PLAIN_BLOCK);
        this.stored = stored;
        Sink sink = new Sink();
        OutputStream cipher = encrypting.over(sink);
        Thread encryptor = threads.newThread(() -> encrypt(cipher));
        encryptor.setName("attachment-encrypt");
        encryptor.start();
    }

    /** Where the chunks go, on the caller's thread: the attachment's rows, then its seal. */
    interface Chunks {

        /** Stores chunk {@code seq} (the array is handed over: nobody writes to it again). */
        void insert(int seq, byte[] chunk);

        /** After the last chunk: the ciphertext's SHA-256 (hex) and the number of chunks. */
        void seal(String sha256, int count);
    }

    /** Builds the encrypting stream over the sink of ciphertext. */
    @FunctionalInterface
    interface Encryption {
        OutputStream over(OutputStream ciphertext) throws IOException;
    }

    /** The seal of the ciphertext: its SHA-256 and chunk count, handed over last. */
    private record Sealed(String sha256, int chunks) {
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed || abandoned) {
            throw new IOException(closed ? "the attachment is closed" : "the attachment's storing failed");
        }
        super.write(bytes, offset, length);
    }

    @Override
    protected byte[] full(byte[] full) throws IOException {
        handPlain(full);
        return new byte[PLAIN_BLOCK]; // the handed block is the encrypting thread's now
    }

    /** Hands a block to the encrypting thread; while there is no room, inserts the chunks it finished. */
    private void handPlain(byte[] handed) throws IOException {
        try {
            while (!plain.offer(handed)) {
                Object item = chunks.poll(WAIT_MS, TimeUnit.MILLISECONDS);
                if (item != null) {
                    store(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing the upload to its encryption");
        } catch (IOException | RuntimeException e) {
            abandon();
            throw e;
        }
    }

    /** Inserts a chunk, or takes the end's seal, or rethrows the encrypting thread's failure. */
    private void store(Object item) throws IOException {
        if (item instanceof byte[] chunk) {
            stored.insert(seq++, chunk);
        } else if (item instanceof Sealed sealed) {
            if (sealed.chunks() != seq) {
                throw new IOException("the encryption sealed " + sealed.chunks() + " chunks, " + seq + " arrived");
            }
            stored.seal(sealed.sha256(), sealed.chunks());
            ended = true;
        } else if (item instanceof IOException failure) {
            throw new IOException(failure.getMessage(), failure);
        } else if (item instanceof Throwable failure) {
            throw new IOException("encrypting the upload failed: " + failure, failure);
        }
    }

    /**
     * Hands over the end and inserts the rest; then the attachment is sealed. After a failure of the caller's own
     * (an exception already on its way), this is also where the encrypting thread is stopped.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (abandoned) {
            return; // the failure that stopped it is on its way already
        }
        try {
            if (filled() > 0) {
                handPlain(Arrays.copyOf(block(), filled()));
            }
            handPlain(new byte[0]); // the end
            while (!ended) {
                Object item = chunks.poll(WAIT_MS, TimeUnit.MILLISECONDS);
                if (item != null) {
                    store(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon();
            throw new InterruptedIOException("interrupted while storing the upload");
        } catch (IOException | RuntimeException e) {
            abandon();
            throw e;
        }
    }

    /** Stops the encrypting thread: it sees the flag at its next hand-over or wait. */
    private void abandon() {
        abandoned = true;
        plain.clear();
        chunks.clear();
    }

    /** The encrypting thread: plaintext blocks in, ciphertext chunks and at last the seal (or a failure) out. */
    private void encrypt(OutputStream cipher) {
        try {
            while (true) {
                byte[] next = plain.poll(WAIT_MS, TimeUnit.MILLISECONDS);
                if (abandoned) {
                    return;
                }
                if (next == null) {
                    continue;
                }
                if (next.length == 0) {
                    break;
                }
                cipher.write(next, 0, next.length);
            }
            cipher.close(); // the last part, the MDC; closes the sink, which hands over its last chunk and the seal
        } catch (Exception | Error e) {
            handChunk(e);
        }
    }

    /** Waits for room; false once the caller abandoned the upload. */
    private boolean handChunk(Object item) {
        try {
            while (!abandoned) {
                if (chunks.offer(item, WAIT_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Ciphertext into fresh 1 MiB arrays, hashed on the way (on the encrypting thread, after the header). */
    private final class Sink extends BlockFillingStream {

        private final MessageDigest digest = AttachmentChunkCheck.sha256();
        private int count;
        private boolean sinkClosed;

        Sink() {
            super(AttachmentRepository.CHUNK_BYTES);
        }

        @Override
        protected byte[] full(byte[] full) throws IOException {
            emit(full);
            return new byte[AttachmentRepository.CHUNK_BYTES]; // the chunk is the caller's thread's now
        }

        private void emit(byte[] full) throws IOException {
            digest.update(full, 0, full.length);
            count++;
            if (!handChunk(full)) {
                throw new IOException("the upload was abandoned");
            }
        }

        @Override
        public void close() throws IOException {
            if (sinkClosed) {
                return;
            }
            sinkClosed = true;
            if (filled() > 0) {
                emit(Arrays.copyOf(block(), filled()));
            }
            handChunk(new Sealed(HexFormat.of().formatHex(digest.digest()), count));
        }
    }
}
