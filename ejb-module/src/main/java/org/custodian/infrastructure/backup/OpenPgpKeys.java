package org.custodian.infrastructure.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * Key handling shared by the OpenPGP classes: reading key text (ASCII armor, one-line base64, comma lists),
 * fingerprints, armor and unlocking secret keys. Which key of a ring may be used for what is
 * {@link OpenPgpKeyPolicy}.
 */
final class OpenPgpKeys {

    /** Lightweight verifier operators only: no JCE provider is registered inside the application server. */
    static final BcPGPContentVerifierBuilderProvider VERIFIERS = new BcPGPContentVerifierBuilderProvider();

    private static final String FORMAT_HINT = "expected an ASCII-armored key block (gpg --armor --export KEY) or"
            + " the one-line base64 of a binary key (gpg --export KEY | base64 -w0), several separated by commas";

    /** A whole armored block; headers such as {@code Comment: a, b} stay inside it, so commas there do not split. */
    private static final Pattern ARMORED_BLOCK = Pattern.compile(
            "-----BEGIN PGP ([A-Z ]+)-----.*?-----END PGP \\1-----", Pattern.DOTALL);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private OpenPgpKeys() {
    }

    /** Public key rings in the order given; a secret key is refused so that operators' secrets never reach the server by mistake. */
    static List<PGPPublicKeyRing> publicKeyRings(String keyText) {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        List<byte[]> entries = entries(keyText);
        for (int i = 0; i < entries.size(); i++) {
            for (Object object : objects(entries.get(i), i + 1, entries.size())) {
                if (object instanceof PGPPublicKeyRing ring) {
                    rings.add(ring);
                } else if (object instanceof PGPSecretKeyRing) {
                    throw new IllegalArgumentException(entryName(i + 1, entries.size()) + " is a SECRET key;"
                            + " give the public key only (gpg --armor --export KEY)");
                } else {
                    throw unexpected(object, i + 1, entries.size());
                }
            }
        }
        return rings;
    }

    /** Secret key rings in the order given. */
    static List<PGPSecretKeyRing> secretKeyRings(String keyText) {
        List<PGPSecretKeyRing> rings = new ArrayList<>();
        List<byte[]> entries = entries(keyText);
        for (int i = 0; i < entries.size(); i++) {
            for (Object object : objects(entries.get(i), i + 1, entries.size())) {
                if (object instanceof PGPSecretKeyRing ring) {
                    rings.add(ring);
                } else if (object instanceof PGPPublicKeyRing) {
                    throw new IllegalArgumentException(entryName(i + 1, entries.size()) + " is a public key, but a"
                            + " secret key is needed here (gpg --armor --export-secret-keys KEY)");
                } else {
                    throw unexpected(object, i + 1, entries.size());
                }
            }
        }
        return rings;
    }

    /** The public half of a secret key ring (primary, subkeys and their signatures), as gpg would export it. */
    static PGPPublicKeyRing publicRing(PGPSecretKeyRing secretRing) {
        List<PGPPublicKey> keys = new ArrayList<>();
        secretRing.getPublicKeys().forEachRemaining(keys::add);
        return new PGPPublicKeyRing(keys);
    }

    static String fingerprint(PGPPublicKey key) {
        return HEX.formatHex(key.getFingerprint());
    }

    static String keyId(long keyId) {
        return String.format("%016X", keyId);
    }

    /** ASCII armor without the "Version: BCPG" header (it only advertises the library). */
    static byte[] armor(Encoder encoder) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(buffer)) {
            encoder.encode(armored);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return buffer.toByteArray();
    }

    /** Writes packets to an output stream (lets {@link #armor} take {@code ring::encode} or {@code sig::encode}). */
    @FunctionalInterface
    interface Encoder {
        void encode(OutputStream out) throws IOException;
    }

    /**
     * Unlocks a secret key. A wrong passphrase is reported as such: Bouncy Castle's message ("checksum mismatch")
     * does not say so.
     */
    static PGPPrivateKey privateKey(PGPSecretKey secretKey, char[] passphrase) {
        try {
            PGPPrivateKey key = secretKey.extractPrivateKey(
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase));
            if (key == null) {
                throw new IllegalArgumentException("secret key " + fingerprint(secretKey.getPublicKey())
                        + " holds no private key material");
            }
            return key;
        } catch (PGPException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("cannot unlock secret key " + fingerprint(secretKey.getPublicKey())
                    + ": the passphrase is wrong (or the key is damaged)", e);
        }
    }

    /** Splits key text into entries (armored blocks, or base64 between commas) and decodes each to binary. */
    private static List<byte[]> entries(String keyText) {
        if (keyText == null || keyText.isBlank()) {
            throw new IllegalArgumentException("no OpenPGP key given; " + FORMAT_HINT);
        }
        List<String> texts = new ArrayList<>();
        Matcher armored = ARMORED_BLOCK.matcher(keyText);
        int position = 0;
        while (position < keyText.length()) {
            char c = keyText.charAt(position);
            if (c == ',' || Character.isWhitespace(c)) {
                position++;
            } else if (keyText.startsWith("-----BEGIN PGP", position)) {
                armored.region(position, keyText.length());
                if (!armored.lookingAt()) {
                    throw new IllegalArgumentException("key entry " + (texts.size() + 1) + " starts an ASCII-armored"
                            + " block but has no matching -----END PGP ...----- line (truncated?); " + FORMAT_HINT);
                }
                texts.add(armored.group());
                position = armored.end();
            } else {
                int comma = keyText.indexOf(',', position);
                int nextBlock = keyText.indexOf("-----BEGIN PGP", position);
                int end = keyText.length();
                if (comma >= 0) {
                    end = comma;
                }
                if (nextBlock >= 0 && nextBlock < end) {
                    end = nextBlock;
                }
                texts.add(keyText.substring(position, end));
                position = end;
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no OpenPGP key given; " + FORMAT_HINT);
        }
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            entries.add(decode(texts.get(i), i + 1, texts.size()));
        }
        return entries;
    }

    private static byte[] decode(String text, int index, int count) {
        if (text.startsWith("-----BEGIN PGP")) {
            try (InputStream in = ArmoredInputStream.builder()
                    .build(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))) {
                return in.readAllBytes();
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(entryName(index, count) + " is a damaged ASCII-armored block ("
                        + e.getMessage() + "); " + FORMAT_HINT, e);
            }
        }
        try {
            // Whitespace is dropped so that base64 wrapped at 76 columns (plain `base64`) is accepted too.
            return Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(entryName(index, count) + " is neither ASCII-armored nor base64 ("
                    + e.getMessage() + "); " + FORMAT_HINT, e);
        }
    }

    /** Every key ring in one entry (one binary export may hold several); markers are skipped. */
    private static List<Object> objects(byte[] binary, int index, int count) {
        List<Object> objects = new ArrayList<>();
        try {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(binary);
            Object object;
            while ((object = factory.nextObject()) != null) {
                if (!(object instanceof PGPMarker)) {
                    objects.add(object);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(entryName(index, count) + " does not parse as an OpenPGP key ("
                    + e.getMessage() + "); " + FORMAT_HINT, e);
        }
        if (objects.isEmpty()) {
            throw new IllegalArgumentException(entryName(index, count) + " holds no OpenPGP key; " + FORMAT_HINT);
        }
        return objects;
    }

    private static IllegalArgumentException unexpected(Object object, int index, int count) {
        return new IllegalArgumentException(entryName(index, count) + " holds an OpenPGP "
                + object.getClass().getSimpleName().replaceFirst("^PGP", "") + ", not a key; " + FORMAT_HINT);
    }

    private static String entryName(int index, int count) {
        return count == 1 ? "the key text" : "key entry " + index + " of " + count;
    }
}
