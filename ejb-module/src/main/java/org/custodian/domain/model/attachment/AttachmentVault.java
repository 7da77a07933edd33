package org.custodian.domain.model.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Where attachment content goes in and comes out, encrypted under a data key's passphrase on the way. */
public interface AttachmentVault {

    /** Encrypts what is written into the stored attachment's chunks; close() writes the last chunk. */
    OutputStream writer(Attachment attachment, char[] passphrase) throws IOException;

    /**
     * As {@link #writer}, for an upload of more than a chunk: the encryption runs on another thread a few blocks
     * behind the caller, who keeps reading the upload and inserts the finished chunks in its own transaction. Close
     * it (always) to store the rest and stop that thread.
     */
    OutputStream streamingWriter(Attachment attachment, char[] passphrase) throws IOException;

    /**
     * The plaintext, read chunk by chunk (each chunk read on its own, so a download needs no open transaction). An
     * altered ciphertext fails with an IOException at the latest when the end is read.
     */
    InputStream reader(Attachment attachment, char[] passphrase) throws IOException;

    /**
     * As {@link #reader}, for a download that streams after its transaction ended: a file of more than one chunk is
     * fetched and decrypted on other threads a few blocks ahead of the caller (each on its own connection, so it sees
     * only committed chunks). Close it to stop them.
     */
    InputStream streamingReader(Attachment attachment, char[] passphrase) throws IOException;

    /** The stored ciphertext as it is (an OpenPGP message), for operators and tests. */
    InputStream ciphertext(Attachment attachment);
}
