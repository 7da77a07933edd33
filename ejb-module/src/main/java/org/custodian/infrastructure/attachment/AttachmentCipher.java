package org.custodian.infrastructure.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;

/**
 * OpenPGP symmetric encryption (RFC 4880 SKESK + SEIPD v1 with MDC, AES-256, iterated and salted SHA-256 S2K, no
 * compression) under a passphrase, streamed in partial packets: what {@code gpg --decrypt --passphrase-file} opens,
 * so an operator needs no Custodian code to read a stored attachment (docs/formats.md). The passphrase is always a
 * random 256-bit key in base64, so the S2K needs no stretching: the lowest iteration count keeps each file's key
 * derivation cheap.
 *
 * <p>Written and read by {@link PgpMessageWriter} and {@link PgpMessageReader} on the JDK's AES (AES-NI) and SHA
 * (SHA instructions), not through Bouncy Castle's packet streams: those allocated a new array per write and per
 * read, checked the MDC through a look-ahead copy of every byte, and decrypted CFB block by block, which made an
 * attachment several times dearer than its plain copy (server-config/src/bench/attachments). The format is the same:
 * what either wrote, either opens (AttachmentCipherTest).
 */
public final class AttachmentCipher {

    /** The coded S2K count 0x60 = 65,536 bytes hashed (gpg accepts it; a random key needs no stretching). */
    private static final int S2K_COUNT = 0x60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AttachmentCipher() {
    }

    /** A stream that encrypts what is written to it into {@code target}; close() finishes the message and target. */
    public static OutputStream encrypting(OutputStream target, char[] passphrase, String fileName) throws IOException {
        return new PgpMessageWriter(target, passphrase, fileName, S2K_COUNT, RANDOM);
    }

    /**
     * The plaintext of a message {@link #encrypting} (or gpg) wrote. The integrity check (MDC) runs when the stream
     * reaches its end: a reader must read to the end, and an altered message fails there with an IOException.
     */
    public static InputStream decrypting(InputStream source, char[] passphrase) throws IOException {
        return PgpMessageReader.open(source, passphrase);
    }
}
