package org.custodian.infrastructure.attachment;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.custodian.domain.model.attachment.Attachment;
import org.custodian.domain.model.attachment.AttachmentRepository;
import org.custodian.domain.model.attachment.AttachmentVault;
import org.custodian.infrastructure.io.BlockFillingStream;

/** The OpenPGP message of an attachment in 1 MiB rows of {@code attachment_chunk}. */
@ApplicationScoped
public class ChunkedAttachmentVault implements AttachmentVault {

    /** Decrypted blocks handed to a download's thread: a quarter of a chunk, four ahead. */
    static final int PLAIN_BLOCK = AttachmentRepository.CHUNK_BYTES / 4;
    static final int PLAIN_AHEAD = 4;
    /** Chunks fetched ahead of the decryption. */
    static final int CHUNKS_AHEAD = 2;

    @Inject
    AttachmentRepository attachments;

    /** The container's factory: threads with the application's context (its data source). */
    @Resource
    ManagedThreadFactory threads;

    @Override
    public OutputStream writer(Attachment attachment, char[] passphrase) throws IOException {
        return AttachmentCipher.encrypting(new ChunkOutputStream(attachments, attachment), passphrase,
                attachment.getFilename());
    }

    @Override
    public OutputStream streamingWriter(Attachment attachment, char[] passphrase) throws IOException {
        long id = attachment.getId();
        return new PipelinedChunkWriter(new PipelinedChunkWriter.Chunks() {
            @Override
            public void insert(int seq, byte[] chunk) {
                attachments.writeChunk(id, seq, chunk, chunk.length);
            }

            @Override
            public void seal(String sha256, int count) {
                attachment.sealed(sha256, count);
            }
        }, threads, ciphertext -> AttachmentCipher.encrypting(ciphertext, passphrase, attachment.getFilename()));
    }

    @Override
    public InputStream reader(Attachment attachment, char[] passphrase) throws IOException {
        return AttachmentCipher.decrypting(ciphertext(attachment), passphrase);
    }

    /**
     * Three stages side by side: a thread fetches the chunks (one query each), a second decrypts and checks the MDC,
     * the caller's thread hashes and sends. One chunk or less has nothing to overlap: read as {@link #reader} does.
     */
    @Override
    public InputStream streamingReader(Attachment attachment, char[] passphrase) throws IOException {
        Integer chunks = attachment.getChunkCount();
        if (chunks == null || chunks <= 1) {
            return reader(attachment, passphrase);
        }
        long id = attachment.getId();
        ReadAheadStream ciphertext = new ReadAheadStream(new ReadAheadStream.Blocks() {
            private int next;

            @Override
            public byte[] next() {
                return attachments.readChunk(id, next++);
            }

            @Override
            public void close() {
                // each chunk's query closed its connection
            }
        }, threads, CHUNKS_AHEAD);
        InputStream plain;
        try {
            plain = AttachmentCipher.decrypting(ciphertext, passphrase);
        } catch (IOException | RuntimeException e) {
            ciphertext.close();
            throw e;
        }
        ReadAheadStream.Blocks decrypted = ReadAheadStream.of(plain, PLAIN_BLOCK);
        return new ReadAheadStream(new ReadAheadStream.Blocks() {
            @Override
            public byte[] next() throws IOException {
                return decrypted.next();
            }

            @Override
            public void close() throws IOException {
                ciphertext.close(); // the decryption does not close its source
                decrypted.close();
            }
        }, threads, PLAIN_AHEAD);
    }

    @Override
    public InputStream ciphertext(Attachment attachment) {
        return new ChunkInputStream(attachments, attachment.getId());
    }

    /** Buffers one chunk, then writes it as a row; hashes the ciphertext on the way and seals the attachment. */
    static final class ChunkOutputStream extends BlockFillingStream {

        private final AttachmentRepository attachments;
        private final Attachment attachment;
        private final long id;
        private final MessageDigest digest = AttachmentChunkCheck.sha256();
        private int seq;
        private boolean closed;

        ChunkOutputStream(AttachmentRepository attachments, Attachment attachment) {
            super(AttachmentRepository.CHUNK_BYTES);
            this.attachments = attachments;
            this.attachment = attachment;
            this.id = attachment.getId();
        }

        @Override
        protected byte[] full(byte[] full) {
            emit(full, full.length);
            return full; // the repository is done with it: filled again
        }

        private void emit(byte[] chunk, int length) {
            digest.update(chunk, 0, length);
            attachments.writeChunk(id, seq++, chunk, length);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (filled() > 0) {
                    emit(block(), filled());
                }
                attachment.sealed(HexFormat.of().formatHex(digest.digest()), seq);
            }
        }
    }

    /** Reads the chunks in order, one at a time. */
    static final class ChunkInputStream extends InputStream {

        private final AttachmentRepository attachments;
        private final long id;
        private byte[] current = new byte[0];
        private int position;
        private int next;
        private boolean ended;

        ChunkInputStream(AttachmentRepository attachments, long id) {
            this.attachments = attachments;
            this.id = id;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            while (position == current.length) {
                if (ended) {
                    return -1;
                }
                byte[] chunk = attachments.readChunk(id, next++);
                if (chunk == null) {
                    ended = true;
                    return -1;
                }
                current = chunk;
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, bytes, offset, n);
            position += n;
            return n;
        }
    }
}
