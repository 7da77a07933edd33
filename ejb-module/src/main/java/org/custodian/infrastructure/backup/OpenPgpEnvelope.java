package org.custodian.infrastructure.backup;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.zip.Deflater;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.PacketTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.util.io.TeeOutputStream;
import org.custodian.infrastructure.backup.OpenPgpKeyPolicy.Use;

/**
 * Encrypts streams to one or more recipients' public keys: AES-256, integrity-protected (SEIPD v1 with MDC,
 * which gpg 2.2 reads), compressed with Deflate at its fastest level (as gpg compresses by default), binary
 * output.
 * <p>
 * Only public keys are held, so the server can write backups that it cannot read. Instances are immutable and
 * safe to share between threads.
 */
public final class OpenPgpEnvelope {

    /** Partial-packet buffer size: large enough for throughput, small enough that nothing is held in memory. */
    private static final int BUFFER_SIZE = 1 << 16;

    /** The literal packet stores the file name behind a one-byte length. */
    private static final int MAX_FILE_NAME_BYTES = 255;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> fingerprints;
    private final List<PGPPublicKey> encryptionKeys;
    /** Null: every message gets a session key of its own. */
    private final Session shared;

    private OpenPgpEnvelope(List<String> fingerprints, List<PGPPublicKey> encryptionKeys, Session shared) {
        this.fingerprints = List.copyOf(fingerprints);
        this.encryptionKeys = List.copyOf(encryptionKeys);
        this.shared = shared;
    }

    /**
     * An envelope whose messages all use one session key, made now and encrypted to the recipients once: every
     * message starts with the same session-key packets. For the files of one backup set: a reader with the secret
     * key then unwraps the key once per set instead of once per file (an RSA-3072 decryption costs as much as
     * decrypting megabytes). Each message is still a complete OpenPGP message on its own, with its own random
     * prefix (so CFB's keystream differs from message to message) and its own integrity packet; gpg reads each
     * as before. Whoever learns the session key of one file (gpg --show-session-key) can read the whole set.
     */
    public OpenPgpEnvelope sharingOneSessionKey() throws IOException {
        return new OpenPgpEnvelope(fingerprints, encryptionKeys, newSession());
    }

    /**
     * keyText: one or more public keys, ASCII-armored, or one-line base64 of the binary key ring(s) (so it fits
     * an env var / config property); several keys may also be given separated by commas (each armored or
     * base64). For each key ring the encryption-capable key (subkey preferred, must not be revoked/expired) is
     * used. The same key given twice is used once.
     *
     * @throws IllegalArgumentException naming the problem if the text does not parse, or if a key ring has no
     *         usable encryption key (a backup that some operator cannot open must not be written silently)
     */
    public static OpenPgpEnvelope forRecipients(String keyText) {
        Date now = new Date();
        Map<String, PGPPublicKey> chosen = new LinkedHashMap<>();
        for (PGPPublicKeyRing ring : OpenPgpKeys.publicKeyRings(keyText)) {
            String fingerprint = OpenPgpKeys.fingerprint(ring.getPublicKey());
            OpenPgpKeyPolicy.Selection selection = OpenPgpKeyPolicy.select(ring, Use.ENCRYPT, now);
            if (selection.usable().isEmpty()) {
                throw new IllegalArgumentException("cannot encrypt to this recipient: "
                        + OpenPgpKeyPolicy.describeProblems(fingerprint, Use.ENCRYPT, selection.problems()));
            }
            chosen.putIfAbsent(fingerprint, selection.usable().get(0));
        }
        return new OpenPgpEnvelope(new ArrayList<>(chosen.keySet()), new ArrayList<>(chosen.values()), null);
    }

    /** Upper-case hex fingerprints of the recipients' primary keys, in the order given. */
    public List<String> recipientFingerprints() {
        return fingerprints;
    }

    /**
     * Returns a stream; what is written to it is encrypted into target as one OpenPGP message holding a literal
     * data packet named fileName with modification time {@code modified}. Closing the returned stream finishes
     * the message AND closes target. Data passes through in 64 KiB partial packets, never held in memory.
     *
     * @throws IllegalArgumentException if fileName is longer than 255 UTF-8 bytes or {@code modified} is outside
     *         what OpenPGP can store (1970 to 2106, whole seconds)
     */
    public OutputStream encrypt(OutputStream target, String fileName, Instant modified) throws IOException {
        return encrypt(target, fileName, modified, Runnable::run, 1);
    }

    /**
     * As {@link #encrypt(OutputStream, String, Instant)}, with the Deflate step on up to {@code threads} threads of
     * executor (one large file no longer waits on one core); the message is the same kind of message, read by
     * any OpenPGP implementation.
     */
    public OutputStream encrypt(OutputStream target, String fileName, Instant modified, Executor compressors,
            int threads) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(modified, "modified");
        if (fileName.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_NAME_BYTES) {
            throw new IllegalArgumentException("file name longer than " + MAX_FILE_NAME_BYTES + " UTF-8 bytes: "
                    + fileName);
        }
        if (modified.getEpochSecond() < 0 || modified.getEpochSecond() > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("modification time outside 1970..2106: " + modified);
        }

        Session session = shared != null ? shared : newSession();
        // The session-key packets, then a SEIPD v1 packet (version 1; AES-256-CFB over a random prefix, the data
        // and the MDC packet, a SHA-1 over both), written here rather than by PGPEncryptedDataGenerator so that the
        // session key of a shared envelope can be reused: the same packets as Bouncy Castle's generator writes.
        target.write(session.keyPackets());
        BCPGOutputStream encryptedPacket = new BCPGOutputStream(target, PacketTags.SYM_ENC_INTEGRITY_PRO,
                new byte[BUFFER_SIZE]);
        encryptedPacket.write(1); // SEIPD version 1; no AEAD, which gpg 2.2 cannot read
        PGPDataEncryptor encryptor;
        try {
            // AES and SHA-1 from the JDK's own provider, which uses the CPU's AES instructions: Bouncy Castle's
            // pure-Java AES engine was the export's bottleneck. Bouncy Castle is not registered as a provider.
            encryptor = new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                    .setWithIntegrityPacket(true).setSecureRandom(RANDOM).build(session.key());
        } catch (PGPException e) {
            throw new IOException("cannot start the OpenPGP message: " + e.getMessage(), e);
        }
        OutputStream cipher = encryptor.getOutputStream(new NotClosing(encryptedPacket));
        PGPDigestCalculator integrity = encryptor.getIntegrityCalculator();
        OutputStream encrypted = new TeeOutputStream(integrity.getOutputStream(), cipher);
        // the random prefix (one block), its last two bytes repeated: the quick check of RFC 4880 5.13
        byte[] prefix = new byte[encryptor.getBlockSize() + 2];
        RANDOM.nextBytes(prefix);
        prefix[prefix.length - 1] = prefix[prefix.length - 3];
        prefix[prefix.length - 2] = prefix[prefix.length - 4];
        encrypted.write(prefix);
        // A compressed data packet (ZIP: raw Deflate) at Deflate's fastest level, as gpg compresses by default:
        // table dumps shrink several times, so there is that much less to encrypt, hash and write. Written here
        // rather than by PGPCompressedDataGenerator (the same bytes framing) so that several threads deflate.
        BCPGOutputStream compressedPacket = new BCPGOutputStream(encrypted, PacketTags.COMPRESSED_DATA,
                new byte[BUFFER_SIZE]);
        compressedPacket.write(CompressionAlgorithmTags.ZIP);
        ParallelDeflaterOutputStream deflating = new ParallelDeflaterOutputStream(compressedPacket, compressors,
                threads, Deflater.BEST_SPEED);
        PGPLiteralDataGenerator literalGenerator = new PGPLiteralDataGenerator();
        OutputStream literal = literalGenerator.open(deflating, PGPLiteralData.BINARY, fileName,
                Date.from(modified), new byte[BUFFER_SIZE]);
        return new EncryptingStream(literal, literalGenerator, deflating, compressedPacket,
                new Integrity(encrypted, integrity, cipher, encryptedPacket), target);
    }

    /**
     * A fresh AES-256 session key, encrypted to every recipient: one public-key encrypted session key packet (v3)
     * each, as gpg writes them.
     */
    private Session newSession() throws IOException {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        // algorithm, key, two-byte checksum (the sum of the key's bytes): what each recipient's packet encrypts
        byte[] sessionInfo = new byte[key.length + 3];
        sessionInfo[0] = (byte) SymmetricKeyAlgorithmTags.AES_256;
        System.arraycopy(key, 0, sessionInfo, 1, key.length);
        int checksum = 0;
        for (byte b : key) {
            checksum += b & 0xff;
        }
        sessionInfo[sessionInfo.length - 2] = (byte) (checksum >> 8);
        sessionInfo[sessionInfo.length - 1] = (byte) checksum;
        ByteArrayOutputStream packets = new ByteArrayOutputStream();
        try (BCPGOutputStream out = new BCPGOutputStream(packets, true)) {
            for (PGPPublicKey recipient : encryptionKeys) {
                out.writePacket(new BcPublicKeyKeyEncryptionMethodGenerator(recipient).setSecureRandom(RANDOM)
                        .generate(SymmetricKeyAlgorithmTags.AES_256, sessionInfo));
            }
        } catch (PGPException e) {
            throw new IOException("cannot encrypt the session key: " + e.getMessage(), e);
        }
        return new Session(key, packets.toByteArray());
    }

    /** An AES-256 session key and its encrypted session-key packets, one per recipient. */
    private record Session(byte[] key, byte[] keyPackets) { }

    /** Ends the encrypted packet: the MDC packet (its header hashed, then the SHA-1 itself), then the packet. */
    private record Integrity(OutputStream hashedAndEncrypted, PGPDigestCalculator digest, OutputStream encrypted,
            BCPGOutputStream packet) {

        void finish() throws IOException {
            hashedAndEncrypted.write(new byte[] {(byte) (0xC0 | PacketTags.MOD_DETECTION_CODE), 20});
            encrypted.write(digest.getDigest());
            encrypted.close(); // the cipher's last bytes; NotClosing keeps the packet open
            packet.finish();
        }
    }

    /** Passes everything but close(), so that closing a layer leaves the one below to its own finish(). */
    private static final class NotClosing extends FilterOutputStream {

        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Passes writes to the literal packet; close() ends the literal packet, then the encrypted one, then target. */
    private static final class EncryptingStream extends OutputStream {

        private final OutputStream literal;
        private final PGPLiteralDataGenerator literalGenerator;
        private final ParallelDeflaterOutputStream deflating;
        private final BCPGOutputStream compressedPacket;
        private final Integrity integrity;
        private final OutputStream target;
        private boolean closed;

        EncryptingStream(OutputStream literal, PGPLiteralDataGenerator literalGenerator,
                ParallelDeflaterOutputStream deflating, BCPGOutputStream compressedPacket, Integrity integrity,
                OutputStream target) {
            this.literal = literal;
            this.literalGenerator = literalGenerator;
            this.deflating = deflating;
            this.compressedPacket = compressedPacket;
            this.integrity = integrity;
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            ensureOpen();
            literal.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ensureOpen();
            literal.write(bytes, offset, length);
        }

        /** Flushes what the underlying streams hold; up to one partial packet stays buffered until it fills. */
        @Override
        public void flush() throws IOException {
            ensureOpen();
            literal.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            // Each step runs even if an earlier one failed, so target is closed in every case.
            try (target) {
                try {
                    try {
                        literalGenerator.close();
                        deflating.finish(); // the last block, marked final
                    } finally {
                        compressedPacket.finish(); // ends the partial packet; leaves the encrypted stream open
                    }
                } finally {
                    integrity.finish(); // writes the MDC packet, ends the encrypted one
                }
            }
        }

        private void ensureOpen() throws IOException {
            if (closed) {
                throw new IOException("the encrypting stream is closed");
            }
        }
    }
}
