package org.custodian.infrastructure.attachment;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEDataDecryptorFactoryBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

/**
 * OpenPGP symmetric encryption (RFC 4880 SKESK + SEIPD v1 with MDC, AES-256, iterated and salted SHA-256 S2K, no
 * compression) under a passphrase, streamed in 64 KiB partial packets: what {@code gpg --decrypt --passphrase-file}
 * opens, so an operator needs no Custodian code to read a stored attachment (docs/formats.md). The passphrase is
 * always a random 256-bit key in base64, so the S2K needs no stretching: the lowest iteration count keeps each
 * file's key derivation cheap.
 *
 * <p>The ciphers and digests come from the JDK's providers (AES/CFB and SHA-1 for the MDC through JCA), not from
 * Bouncy Castle's lightweight engines: the JDK's AES and SHA use the processor's AES-NI and SHA instructions, which
 * made a 50 MB upload about seven times faster (server-config/src/bench/attachments). The message format is the
 * same byte for byte in kind, so files written either way open either way (AttachmentCipherTest).
 */
public final class AttachmentCipher {

    private static final int BUFFER_SIZE = 1 << 16;
    /** The coded S2K count 0x60 = 65,536 bytes hashed (gpg accepts it; a random key needs no stretching). */
    private static final int S2K_COUNT = 0x60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static PGPDigestCalculatorProvider digests() throws PGPException {
        return new JcaPGPDigestCalculatorProviderBuilder().build();
    }

    private AttachmentCipher() {
    }

    /** A stream that encrypts what is written to it into {@code target}; close() finishes the message and target. */
    public static OutputStream encrypting(OutputStream target, char[] passphrase, String fileName) throws IOException {
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true)
                        .setSecureRandom(RANDOM));
        try {
            generator.addMethod(new JcePBEKeyEncryptionMethodGenerator(passphrase,
                    digests().get(HashAlgorithmTags.SHA256), S2K_COUNT).setSecureRandom(RANDOM));
            OutputStream encrypted = generator.open(target, new byte[BUFFER_SIZE]);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream data = literal.open(encrypted, PGPLiteralData.BINARY, literalName(fileName), new Date(),
                    new byte[BUFFER_SIZE]);
            return new FilterOutputStream(data) {
                private boolean closed;

                @Override
                public void write(byte[] buffer, int offset, int length) throws IOException {
                    out.write(buffer, offset, length);
                }

                @Override
                public void close() throws IOException {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    try {
                        literal.close();
                        generator.close(); // writes the MDC packet
                    } finally {
                        target.close();
                    }
                }
            };
        } catch (PGPException e) {
            throw new IOException("cannot start the OpenPGP message: " + e.getMessage(), e);
        }
    }

    /**
     * The plaintext of a message {@link #encrypting} wrote. The integrity check (MDC) runs when the stream reaches
     * its end: a reader must read to the end, and an altered message fails there with an IOException.
     */
    public static InputStream decrypting(InputStream source, char[] passphrase) throws IOException {
        try {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(source);
            Object first = factory.nextObject();
            if (!(first instanceof PGPEncryptedDataList list) || list.size() == 0
                    || !(list.get(0) instanceof PGPPBEEncryptedData data)) {
                throw new IOException("not an OpenPGP message encrypted with a passphrase");
            }
            if (!data.isIntegrityProtected()) {
                throw new IOException("the message has no integrity protection (MDC): refused");
            }
            InputStream clear = data.getDataStream(new JcePBEDataDecryptorFactoryBuilder(digests())
                    .build(passphrase));
            Object inner = new BcPGPObjectFactory(clear).nextObject();
            if (!(inner instanceof PGPLiteralData literal)) {
                throw new IOException("the encrypted message holds no literal data");
            }
            return new Verifying(literal.getInputStream(), data);
        } catch (PGPException e) {
            throw new IOException("cannot open the attachment: " + e.getMessage(), e);
        }
    }

    private static String literalName(String fileName) {
        String name = fileName == null ? "" : fileName;
        // the literal packet keeps the name behind a one-byte length; the database keeps the full name
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    /** Checks the MDC once the plaintext is read to its end. */
    private static final class Verifying extends FilterInputStream {

        private final PGPEncryptedData data;
        private boolean verified;

        Verifying(InputStream in, PGPEncryptedData data) {
            super(in);
            this.data = data;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                verify();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                verify();
            }
            return n;
        }

        private void verify() throws IOException {
            if (verified) {
                return;
            }
            try {
                if (!data.verify()) {
                    throw new IOException("the attachment's integrity check (MDC) failed: the ciphertext was altered");
                }
                verified = true;
            } catch (PGPException e) {
                throw new IOException("the attachment's integrity check failed: " + e.getMessage(), e);
            }
        }
    }
}
