package org.custodian.infrastructure.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
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

    /** Private keys by key ID, in the order given (the order in which a hidden recipient is tried). */
    private final Map<Long, PGPPrivateKey> keys;

    private OpenPgpDecryptor(Map<Long, PGPPrivateKey> keys) {
        this.keys = keys;
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
        return new OpenPgpDecryptor(Collections.unmodifiableMap(keys));
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
            List<PGPPrivateKey> candidates = publicKeyData.getKeyID() == 0
                    ? List.copyOf(keys.values())
                    : keys.containsKey(publicKeyData.getKeyID()) ? List.of(keys.get(publicKeyData.getKeyID())) : List.of();
            for (PGPPrivateKey key : candidates) {
                // getVersion() here is that of the session-key packet: v3 goes with SEIPD v1 (v6 would mean v2).
                if (!publicKeyData.isIntegrityProtected() || publicKeyData.isAEAD() || publicKeyData.getVersion() != 3) {
                    throw new NotForUs("the message is not encrypted as SEIPD v1 with an integrity packet (MDC),"
                            + " so tampering could not be detected; refusing it");
                }
                try {
                    // the JDK's providers (AES-NI) decrypt the data; Bouncy Castle is not registered as a provider
                    return new Opened(publicKeyData, publicKeyData.getDataStream(
                            new JcePublicKeyDataDecryptorFactoryBuilder().build(key)));
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
