package org.custodian.infrastructure.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.bcpg.AEADEncDataPacket;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPDataDecryptor;
import org.bouncycastle.openpgp.operator.PublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;
import org.custodian.infrastructure.backup.OpenPgpKeyPolicy.Use;

/**
 * Decrypts what OpenPgpEnvelope wrote, for verification when a decryption key is configured.
 * <p>
 * Every secret key given that is certified for encryption is used, also expired or revoked ones: old backups
 * must stay readable after a key is retired. Instances are immutable and safe to share between threads.
 */
public final class OpenPgpDecryptor {

    private static final String INTEGRITY_FAILED = "OpenPGP integrity check failed: the encrypted backup was"
            + " modified or damaged";

    /**
     * Session-key decryption per private key, by key ID, in the order given (the order in which a hidden recipient
     * is tried); each remembers the session keys it unwrapped ({@link SessionKeyCache}).
     */
    private final Map<Long, PublicKeyDataDecryptorFactory> keys;

    private OpenPgpDecryptor(Map<Long, PGPPrivateKey> privateKeys) {
        Map<Long, PublicKeyDataDecryptorFactory> factories = new LinkedHashMap<>();
        // the JDK's providers (AES-NI) decrypt the data; Bouncy Castle is not registered as a provider
        privateKeys.forEach((id, key) -> factories.put(id,
                new SessionKeyCache(new JcePublicKeyDataDecryptorFactoryBuilder().build(key))));
        this.keys = Collections.unmodifiableMap(factories);
    }

    /**
     * armored or one-line base64 secret key ring(s); passphrase may be empty (char[0]) for an unprotected key.
     *
     * @throws IllegalArgumentException if the text does not parse, holds no encryption-capable secret key, or
     *         the passphrase is wrong
     */
    public static OpenPgpDecryptor fromSecretKey(String keyText, char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase (use char[0] for an unprotected key)");
        Map<Long, PGPPrivateKey> keys = new LinkedHashMap<>();
        for (PGPSecretKeyRing ring : OpenPgpKeys.secretKeyRings(keyText)) {
            for (PGPSecretKey secretKey : ring) {
                if (!secretKey.isPrivateKeyEmpty() && OpenPgpKeyPolicy.certifiedFor(
                        ring.getPublicKey(), secretKey.getPublicKey(), Use.ENCRYPT)) {
                    keys.putIfAbsent(secretKey.getKeyID(), OpenPgpKeys.privateKey(secretKey, passphrase));
                }
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the decryption key text holds no secret key certified for encryption"
                    + " (a signing-only key, or secret parts exported as stubs?)");
        }
        return new OpenPgpDecryptor(keys);
    }

    /**
     * Stream of the plaintext (the literal data; a signature inside the message is skipped, not checked).
     * Reading it to EOF checks the integrity packet (MDC): for a tampered message read() or close() throws an
     * IOException saying the integrity check failed; EOF is only reported once the check has passed. close()
     * also checks (reading what is left) when the caller stopped early, and closes {@code encrypted}.
     *
     * @throws IOException if the message is not encrypted to this key, is not integrity-protected, or is damaged
     */
    public InputStream decrypt(InputStream encrypted) throws IOException {
        Objects.requireNonNull(encrypted, "encrypted");
        SourceStream source = new SourceStream(encrypted);
        Opened opened;
        try {
            InputStream decoded = PGPUtil.getDecoderStream(source); // binary or ASCII-armored
            opened = open(encryptedDataList(new BcPGPObjectFactory(decoded)));
        } catch (IOException | RuntimeException e) {
            closeAfter(e, source);
            if (e instanceof NotForUs || source.failure != null) {
                throw classify(e, source);
            }
            // Not yet inside the encrypted data: no integrity check has been reached.
            throw new IOException("the input is not a readable OpenPGP encrypted message (" + e.getMessage() + ")", e);
        }
        try {
            PGPLiteralData literal = literalData(new BcPGPObjectFactory(opened.clear()));
            return new PlaintextStream(literal.getInputStream(), opened.data(), source);
        } catch (IOException | PGPException | RuntimeException e) {
            closeAfter(e, source);
            throw classify(e, source);
        }
    }

    private static void closeAfter(Exception failure, InputStream source) {
        try {
            source.close();
        } catch (IOException closing) {
            failure.addSuppressed(closing);
        }
    }

    private static PGPEncryptedDataList encryptedDataList(BcPGPObjectFactory factory) throws IOException {
        Object object;
        do {
            object = factory.nextObject();
        } while (object instanceof PGPMarker);
        if (object instanceof PGPEncryptedDataList list) {
            return list;
        }
        throw new NotForUs("the input is not a readable OpenPGP encrypted message ("
                + (object == null ? "it holds no OpenPGP packets" : "found " + object.getClass().getSimpleName()) + ")");
    }

    private record Opened(PGPPublicKeyEncryptedData data, InputStream clear) {
    }

    /** Finds the session key packet for one of our keys; a wildcard (hidden) recipient is tried with each key. */
    private Opened open(PGPEncryptedDataList list) throws IOException {
        List<String> recipients = new ArrayList<>();
        PGPException failure = null;
        for (PGPEncryptedData data : list) {
            if (!(data instanceof PGPPublicKeyEncryptedData publicKeyData)) {
                recipients.add("a passphrase");
                continue;
            }
            recipients.add(OpenPgpKeys.keyId(publicKeyData.getKeyID()));
            List<PublicKeyDataDecryptorFactory> candidates = publicKeyData.getKeyID() == 0
                    ? List.copyOf(keys.values())
                    : keys.containsKey(publicKeyData.getKeyID()) ? List.of(keys.get(publicKeyData.getKeyID())) : List.of();
            for (PublicKeyDataDecryptorFactory key : candidates) {
                // getVersion() here is that of the session-key packet: v3 goes with SEIPD v1 (v6 would mean v2).
                if (!publicKeyData.isIntegrityProtected() || publicKeyData.isAEAD() || publicKeyData.getVersion() != 3) {
                    throw new NotForUs("the message is not encrypted as SEIPD v1 with an integrity packet (MDC),"
                            + " so tampering could not be detected; refusing it");
                }
                try {
                    return new Opened(publicKeyData, publicKeyData.getDataStream(key));
                } catch (PGPException e) {
                    failure = e;
                }
            }
        }
        List<String> ours = keys.keySet().stream().map(OpenPgpKeys::keyId).toList();
        if (failure != null) {
            throw new NotForUs("the message names this key (" + String.join(", ", ours) + ") but does not decrypt"
                    + " with it (damaged session key packet, or a different key with the same ID): "
                    + failure.getMessage(), failure);
        }
        throw new NotForUs("the message is not encrypted to this key: it is for " + String.join(", ", recipients)
                + "; this decryptor holds key IDs " + String.join(", ", ours));
    }

    /** Unwraps compression (gpg compresses by default) and skips one-pass signature headers. */
    private static PGPLiteralData literalData(BcPGPObjectFactory factory) throws IOException, PGPException {
        while (true) {
            Object object = factory.nextObject();
            if (object instanceof PGPLiteralData literal) {
                return literal;
            } else if (object instanceof PGPCompressedData compressed) {
                factory = new BcPGPObjectFactory(compressed.getDataStream());
            } else if (!(object instanceof PGPOnePassSignatureList || object instanceof PGPMarker)) {
                throw new PGPException("no literal data inside the encrypted message (found "
                        + (object == null ? "nothing" : object.getClass().getSimpleName()) + ")");
            }
        }
    }

    /**
     * Unwraps each distinct encrypted session key once and remembers the result: the files of a backup set share one
     * session key (the same session-key packet in each), and an RSA-3072 decryption per file cost as much as
     * decrypting all the data of a set. Only the unwrap is remembered (what the private key alone decides for those
     * exact bytes); every file is still decrypted and its integrity packet checked. Holds at most
     * {@link #CAPACITY} keys; the server holds the private key that opens them anyway.
     */
    private static final class SessionKeyCache implements PublicKeyDataDecryptorFactory {

        private static final int CAPACITY = 256;

        private final PublicKeyDataDecryptorFactory delegate;
        private final Map<String, byte[]> unwrapped = new ConcurrentHashMap<>();

        SessionKeyCache(PublicKeyDataDecryptorFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public byte[] recoverSessionData(int keyAlgorithm, byte[][] secKeyData) throws PGPException {
            StringBuilder packet = new StringBuilder().append(keyAlgorithm);
            for (byte[] part : secKeyData) {
                packet.append(':').append(HexFormat.of().formatHex(part));
            }
            String key = packet.toString();
            byte[] known = unwrapped.get(key);
            if (known != null) {
                return known.clone();
            }
            byte[] sessionData = delegate.recoverSessionData(keyAlgorithm, secKeyData);
            if (unwrapped.size() >= CAPACITY) {
                unwrapped.clear();
            }
            unwrapped.put(key, sessionData.clone());
            return sessionData;
        }

        @Override
        public PGPDataDecryptor createDataDecryptor(boolean withIntegrityPacket, int encAlgorithm, byte[] key)
                throws PGPException {
            return delegate.createDataDecryptor(withIntegrityPacket, encAlgorithm, key);
        }

        @Override
        public PGPDataDecryptor createDataDecryptor(AEADEncDataPacket aeadData, PGPSessionKey sessionKey)
                throws PGPException {
            return delegate.createDataDecryptor(aeadData, sessionKey);
        }

        @Override
        public PGPDataDecryptor createDataDecryptor(SymmetricEncIntegrityPacket seipd, PGPSessionKey sessionKey)
                throws PGPException {
            return delegate.createDataDecryptor(seipd, sessionKey);
        }
    }

    /**
     * Failures of the underlying source (disk, network) pass through as they are; anything else that goes wrong
     * inside the decrypted data means it is not what was encrypted — with CFB, a changed ciphertext byte garbles
     * the packet structure as often as the content — and is reported as a failed integrity check.
     */
    private static IOException classify(Exception e, SourceStream source) {
        if (e instanceof NotForUs notForUs) {
            return notForUs;
        }
        if (source.failure != null) {
            return source.failure == e ? source.failure : new IOException(source.failure.getMessage(), e);
        }
        return new IOException(INTEGRITY_FAILED + " (" + e.getMessage() + ")", e);
    }

    /** An IOException for a message that is fine but not something this decryptor will open. */
    private static final class NotForUs extends IOException {
        private static final long serialVersionUID = 1L;

        NotForUs(String message) {
            super(message);
        }

        NotForUs(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Remembers whether the source itself failed, to tell I/O errors from damaged data. */
    private static final class SourceStream extends FilterInputStream {
        IOException failure;

        SourceStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            try {
                return super.read(bytes, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** The literal data; EOF is withheld until the MDC has been checked, and a failure sticks. */
    private static final class PlaintextStream extends InputStream {

        private final InputStream literal;
        private final PGPPublicKeyEncryptedData data;
        private final SourceStream source;
        private IOException failure;
        private boolean verified;
        private boolean closed;

        PlaintextStream(InputStream literal, PGPPublicKeyEncryptedData data, SourceStream source) {
            this.literal = literal;
            this.data = data;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            ensureUsable();
            int b;
            try {
                b = literal.read();
            } catch (IOException | RuntimeException e) {
                throw fail(e);
            }
            if (b < 0) {
                verify();
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            ensureUsable();
            if (length == 0) {
                return 0;
            }
            int n;
            try {
                n = literal.read(bytes, offset, length);
            } catch (IOException | RuntimeException e) {
                throw fail(e);
            }
            if (n < 0) {
                verify();
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (source) {
                if (failure != null) {
                    throw new IOException(failure.getMessage(), failure);
                }
                verify();
            }
        }

        private void verify() throws IOException {
            if (verified) {
                return;
            }
            boolean intact;
            try {
                intact = data.verify(); // reads what is left, then compares the MDC
            } catch (IOException | PGPException | RuntimeException e) {
                throw fail(e);
            }
            if (!intact) {
                failure = new IOException(INTEGRITY_FAILED + " (MDC mismatch)");
                throw failure;
            }
            verified = true;
        }

        private IOException fail(Exception e) {
            failure = classify(e, source);
            return failure;
        }

        private void ensureUsable() throws IOException {
            if (closed) {
                throw new IOException("the decrypting stream is closed");
            }
            if (failure != null) {
                throw new IOException(failure.getMessage(), failure);
            }
        }
    }
}
