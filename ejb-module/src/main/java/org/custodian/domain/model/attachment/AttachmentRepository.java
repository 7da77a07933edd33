package org.custodian.domain.model.attachment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Attachments and their encrypted content, kept in chunks of at most {@link #CHUNK_BYTES}. */
public interface AttachmentRepository {

    /** 1 MiB: an upload or download holds one chunk in memory, never the file. */
    int CHUNK_BYTES = 1 << 20;

    /** Stores a new attachment (its id assigned at once, before the content is written). */
    void store(Attachment attachment);

    Optional<Attachment> find(long id);

    List<Attachment> forTicket(long ticketId);

    /** How many attachments are encrypted under these customers' data keys (what destroying the keys shreds). */
    long countUnderKeysOf(Collection<Long> customerIds);

    /** The plaintext bytes the ticket's attachments hold together (the per-ticket limit). */
    long bytesOnTicket(long ticketId);

    /** Stores the first {@code length} bytes of {@code data} as chunk {@code seq} (the array is the caller's again after). */
    void writeChunk(long attachmentId, int seq, byte[] data, int length);

    /** Chunk {@code seq} of the ciphertext, or null past the last one. Needs no transaction (downloads stream). */
    byte[] readChunk(long attachmentId, int seq);

    /**
     * Checks every stored attachment's chunks against its recorded chunk count and ciphertext SHA-256, in a
     * read-only snapshot of its own; called outside any transaction (it streams all chunks, which may take long).
     */
    StoredContentCheck checkStored();
}
