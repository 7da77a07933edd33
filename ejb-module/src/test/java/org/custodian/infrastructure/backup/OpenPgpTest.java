package org.custodian.infrastructure.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenPGP backup encryption and manifest signing, checked against the real GnuPG (the operator's tool) as well as
 * against each other. gpg is required, not optional: without it the interoperability claims would go untested.
 */
class OpenPgpTest {

    /** Maven runs the tests with the module directory as working directory. */
    private static final Path DEV_KEYS = Path.of("..", "server-config", "src", "test", "dev-keys");

    private static final char[] NO_PASSPHRASE = new char[0];
    private static final char[] SECOND_PASSPHRASE = "second operator passphrase".toCharArray();
    private static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05Z");

    private static String recipientPublic;
    private static String recipientPublicBase64;
    private static String recipientSecret;
    private static String signingPublic;
    private static String signingSecret;
    private static String signingSecretBase64;

    /** A second operator, made here with Bouncy Castle: passphrase-protected, RSA primary + encryption subkey. */
    private static String secondPublic;
    private static String secondSecret;
    /** A key whose primary may only certify and whose encryption subkey expired yesterday: good for nothing. */
    private static String expiredPublic;
    private static String expiredSecret;

    /** ~3 MB of incompressible, but reproducible, data. */
    private static byte[] payload;

    @TempDir
    Path dir;

    private final List<Path> gpgHomes = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        requireGpg();
        recipientPublic = devKey("backup-recipient-public.asc");
        recipientPublicBase64 = devKey("backup-recipient-public.b64");
        recipientSecret = devKey("backup-recipient-secret.asc");
        signingPublic = devKey("backup-signing-public.asc");
        signingSecret = devKey("backup-signing-secret.asc");
        signingSecretBase64 = devKey("backup-signing-secret.b64");

        Date created = new Date(System.currentTimeMillis() - 60_000);
        PGPSecretKeyRing second = generateKey("Second operator <second@custodian.invalid>", SECOND_PASSPHRASE,
                created, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA, 0);
        secondSecret = armor(second.getEncoded());
        secondPublic = armor(OpenPgpKeys.publicRing(second).getEncoded());
        Date twoDaysAgo = new Date(System.currentTimeMillis() - 2 * 86_400_000L);
        PGPSecretKeyRing expired = generateKey("Expired <expired@custodian.invalid>", NO_PASSPHRASE, twoDaysAgo,
                KeyFlags.CERTIFY_OTHER, 86_400);
        expiredSecret = armor(expired.getEncoded());
        expiredPublic = armor(OpenPgpKeys.publicRing(expired).getEncoded());

        payload = new byte[3 * 1024 * 1024 + 12_345];
        new Random(20260102L).nextBytes(payload);
    }

    @AfterEach
    void stopGpgAgents() throws Exception {
        for (Path home : gpgHomes) {
            // An agent started for a temp home would outlive the test and keep sockets in it.
            ProcessBuilder builder = new ProcessBuilder("gpgconf", "--kill", "gpg-agent");
            builder.environment().put("GNUPGHOME", home.toString());
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void encryptsToSeveralRecipientsAndEachCanDecrypt() throws Exception {
        OpenPgpEnvelope envelope = OpenPgpEnvelope.forRecipients(recipientPublic + "," + secondPublic);
        assertEquals(List.of(gpgFingerprint(recipientPublic), gpgFingerprint(secondPublic)),
                envelope.recipientFingerprints());

        AtomicBoolean targetClosed = new AtomicBoolean();
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream() {
            @Override
            public void close() {
                targetClosed.set(true);
            }
        };
        try (OutputStream out = envelope.encrypt(ciphertext, "tickets.dump", MODIFIED)) {
            writeInUnevenChunks(out, payload);
        }
        assertTrue(targetClosed.get(), "closing the encrypting stream must close the target");
        byte[] encrypted = ciphertext.toByteArray();
        assertFalse(contains(encrypted, Arrays.copyOfRange(payload, 1000, 1032)), "plaintext leaked");

        OpenPgpDecryptor first = OpenPgpDecryptor.fromSecretKey(recipientSecret, NO_PASSPHRASE);
        assertArrayEquals(payload, readAllAndClose(first.decrypt(new ByteArrayInputStream(encrypted))));
        OpenPgpDecryptor secondKey = OpenPgpDecryptor.fromSecretKey(secondSecret, SECOND_PASSPHRASE);
        assertArrayEquals(payload, readAllAndClose(secondKey.decrypt(new ByteArrayInputStream(encrypted))));
    }

    @Test
    void gpgDecryptsWhatTheEnvelopeWrote() throws Exception {
        OpenPgpEnvelope envelope = OpenPgpEnvelope.forRecipients(recipientPublicBase64 + ", " + secondPublic);
        Path encrypted = dir.resolve("backup.gpg");
        // Deflate on three threads, as an export does: 3 MB are four blocks, each compressed on its own
        ExecutorService compressors = Executors.newFixedThreadPool(3);
        try (OutputStream out = envelope.encrypt(Files.newOutputStream(encrypted), "backup.tar", MODIFIED,
                compressors, 3)) {
            writeInUnevenChunks(out, payload);
        } finally {
            compressors.shutdown();
        }

        Path home = gpgHome();
        assertGpg(gpg(home, "--import", DEV_KEYS.resolve("backup-recipient-secret.asc").toString()), "import");
        Path decrypted = dir.resolve("backup.out");
        Gpg decrypt = gpg(home, "--verbose", "--yes", "--decrypt", "--output", decrypted.toString(),
                encrypted.toString());
        assertGpg(decrypt, "decrypt");
        assertArrayEquals(payload, Files.readAllBytes(decrypted), "gpg decrypted other bytes");
        assertTrue(decrypt.stderr().contains("AES256 encrypted data"), decrypt.describe());

        // The promised format: two session keys, SEIPD v1 with MDC, Deflate (ZIP, algo 1), a literal packet.
        Gpg packets = gpg(home, "--list-packets", encrypted.toString());
        assertGpg(packets, "list-packets");
        String listing = packets.stdout();
        assertEquals(2, listing.split(":pubkey enc packet:", -1).length - 1, listing);
        assertTrue(listing.contains(":encrypted data packet:") && listing.contains("mdc_method: 2"), listing);
        assertTrue(listing.contains(":compressed packet: algo=1"), listing);
        assertTrue(listing.contains(":literal data packet:") && listing.contains("mode b")
                && listing.contains("created " + MODIFIED.getEpochSecond() + ", name=\"backup.tar\""), listing);
    }

    @Test
    void filesOfOneSetShareTheirSessionKeyPacketsAndEachDecryptsOnItsOwnWithGpgToo() throws Exception {
        OpenPgpEnvelope set = OpenPgpEnvelope.forRecipients(recipientPublic + "," + secondPublic)
                .sharingOneSessionKey();
        byte[] small = "id,body\n1,one\n".getBytes(StandardCharsets.UTF_8);
        Path first = dir.resolve("ticket.csv.gpg");
        Path second = dir.resolve("customer.csv.gpg");
        try (OutputStream out = set.encrypt(Files.newOutputStream(first), "ticket.csv", MODIFIED)) {
            writeInUnevenChunks(out, payload);
        }
        try (OutputStream out = set.encrypt(Files.newOutputStream(second), "customer.csv", MODIFIED)) {
            out.write(small);
        }
        byte[] one = Files.readAllBytes(first);
        byte[] two = Files.readAllBytes(second);
        Path home = gpgHome();
        assertGpg(gpg(home, "--import", DEV_KEYS.resolve("backup-recipient-secret.asc").toString()), "import");
        Gpg packets = gpg(home, "--list-packets", first.toString());
        assertGpg(packets, "list-packets");
        assertEquals(2, packets.stdout().split(":pubkey enc packet:", -1).length - 1, packets.stdout());
        // the two session-key packets (RSA-3072 and RSA-2048: some 400 and 270 bytes) are the same bytes in both
        // files ...
        int shared = 0;
        while (shared < Math.min(one.length, two.length) && one[shared] == two[shared]) {
            shared++;
        }
        assertTrue(shared > 660, "common prefix: " + shared + " bytes");
        // ... and what follows (random prefix, data, integrity packet) is each file's own: gpg opens each alone
        for (Path file : List.of(first, second)) {
            Path out = dir.resolve(file.getFileName() + ".out");
            assertGpg(gpg(home, "--yes", "--decrypt", "--output", out.toString(), file.toString()), "decrypt");
        }
        assertArrayEquals(payload, Files.readAllBytes(dir.resolve("ticket.csv.gpg.out")));
        assertArrayEquals(small, Files.readAllBytes(dir.resolve("customer.csv.gpg.out")));
        OpenPgpDecryptor decryptor = OpenPgpDecryptor.fromSecretKey(recipientSecret, NO_PASSPHRASE);
        assertArrayEquals(payload, readAllAndClose(decryptor.decrypt(new ByteArrayInputStream(one))));
        assertArrayEquals(small, readAllAndClose(decryptor.decrypt(new ByteArrayInputStream(two))));
        // the second file reuses the unwrapped session key, and still fails its integrity check when changed
        byte[] tampered = two.clone();
        tampered[tampered.length - 5] ^= 1;
        assertThrows(IOException.class, () -> readAllAndClose(decryptor.decrypt(new ByteArrayInputStream(tampered))));
    }

    @Test
    void decryptsWhatGpgEncryptedAndCompressed() throws Exception {
        byte[] text = ("ticket;customer;status\n" + "4711;ACME;open\n".repeat(40_000)).getBytes(StandardCharsets.UTF_8);
        Path plain = dir.resolve("export.csv");
        Files.write(plain, text);
        Path encrypted = dir.resolve("export.csv.gpg");
        Path home = gpgHome();
        assertGpg(gpg(home, "--import", DEV_KEYS.resolve("backup-recipient-public.asc").toString()), "import");
        assertGpg(gpg(home, "--trust-model", "always", "--recipient", gpgFingerprint(recipientPublic),
                "--output", encrypted.toString(), "--encrypt", plain.toString()), "encrypt");
        Gpg packets = gpg(home, "--list-packets", encrypted.toString());
        assertTrue(Files.size(encrypted) < text.length / 4, "gpg did not compress; the test would not cover it");

        OpenPgpDecryptor decryptor = OpenPgpDecryptor.fromSecretKey(recipientSecret, NO_PASSPHRASE);
        try (InputStream in = Files.newInputStream(encrypted)) {
            assertArrayEquals(text, readAllAndClose(decryptor.decrypt(in)), packets.describe());
        }
    }

    @Test
    void gpgVerifiesTheSignerAndSoDoesTheVerifier() throws Exception {
        OpenPgpSigner signer = OpenPgpSigner.fromSecretKey(signingSecretBase64, NO_PASSPHRASE);
        assertEquals(gpgFingerprint(signingPublic), signer.fingerprint());
        byte[] manifest = "backup-set 2026-01-02\ntickets.dump sha256=0123abcd\n".getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.signDetached(manifest);
        assertTrue(new String(signature, StandardCharsets.US_ASCII).startsWith("-----BEGIN PGP SIGNATURE-----"));

        Path home = gpgHome();
        Path publicKey = dir.resolve("signer.asc");
        Files.writeString(publicKey, signer.armoredPublicKey());
        assertGpg(gpg(home, "--import", publicKey.toString()), "import");
        Path data = dir.resolve("manifest.txt");
        Files.write(data, manifest);
        Path sig = dir.resolve("manifest.txt.asc");
        Files.write(sig, signature);
        Gpg verify = gpg(home, "--verify", sig.toString(), data.toString());
        assertGpg(verify, "verify");
        assertTrue(verify.stderr().contains("Good signature"), verify.describe());

        OpenPgpVerifier verifier = OpenPgpVerifier.fromPublicKey(signingPublic);
        assertEquals(signer.fingerprint(), verifier.fingerprint());
        assertTrue(verifier.verifyDetached(manifest, signature));
        assertTrue(verifier.verifyDetached(manifest, dearmor(signature)), "binary signatures are accepted too");

        byte[] altered = manifest.clone();
        altered[10] ^= 1;
        assertFalse(verifier.verifyDetached(altered, signature));
        assertFalse(verifier.verifyDetached(manifest, "not a signature".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(verifier.verifyDetached(manifest, new byte[0]));
        byte[] randomBytes = new byte[300];
        new Random(7).nextBytes(randomBytes);
        assertFalse(verifier.verifyDetached(manifest, randomBytes));
        byte[] truncated = dearmor(signature);
        assertFalse(verifier.verifyDetached(manifest, Arrays.copyOf(truncated, truncated.length / 2)));
        assertFalse(OpenPgpVerifier.fromPublicKey(recipientPublic).verifyDetached(manifest, signature),
                "another key must not verify");
    }

    @Test
    void verifierAcceptsWhatGpgSigned() throws Exception {
        Path home = gpgHome();
        assertGpg(gpg(home, "--import", DEV_KEYS.resolve("backup-signing-secret.asc").toString()), "import");
        Path data = dir.resolve("manifest.txt");
        Files.write(data, payload);
        Path sig = dir.resolve("manifest.txt.sig");
        assertGpg(gpg(home, "--local-user", gpgFingerprint(signingPublic), "--output", sig.toString(),
                "--detach-sign", data.toString()), "detach-sign");
        OpenPgpVerifier verifier = OpenPgpVerifier.fromPublicKey(signingPublic);
        assertTrue(verifier.verifyDetached(payload, Files.readAllBytes(sig)));
        byte[] altered = payload.clone();
        altered[payload.length / 2] ^= 0x40;
        assertFalse(verifier.verifyDetached(altered, Files.readAllBytes(sig)));
    }

    @Test
    void tamperedCiphertextFailsTheIntegrityCheck() throws Exception {
        byte[] encrypted = encryptToDevRecipient(payload);
        OpenPgpDecryptor decryptor = OpenPgpDecryptor.fromSecretKey(recipientSecret, NO_PASSPHRASE);
        assertArrayEquals(payload, readAllAndClose(decryptor.decrypt(new ByteArrayInputStream(encrypted))),
                "the untampered message must decrypt, or the failure below proves nothing");

        byte[] tampered = encrypted.clone();
        tampered[tampered.length / 2] ^= 0x01;
        IOException failure = assertThrows(IOException.class,
                () -> readAllAndClose(decryptor.decrypt(new ByteArrayInputStream(tampered))));
        assertTrue(failure.getMessage().toLowerCase(Locale.ROOT).contains("integrity"), failure.getMessage());

        // A reader that stops early and closes still gets the verdict: close() reads the rest and checks.
        IOException earlyClose = assertThrows(IOException.class, () -> {
            InputStream in = decryptor.decrypt(new ByteArrayInputStream(tampered));
            in.readNBytes(1000);
            in.close();
        });
        assertTrue(earlyClose.getMessage().contains("integrity"), earlyClose.getMessage());

        byte[] truncated = Arrays.copyOf(encrypted, encrypted.length - 100);
        IOException truncation = assertThrows(IOException.class,
                () -> readAllAndClose(decryptor.decrypt(new ByteArrayInputStream(truncated))));
        assertTrue(truncation.getMessage().toLowerCase(Locale.ROOT).contains("integrity"), truncation.getMessage());
    }

    @Test
    void decryptorRefusesMessagesForOtherKeysAndWrongPassphrases() throws Exception {
        byte[] encrypted = encryptToDevRecipient("for the dev recipient only".getBytes(StandardCharsets.UTF_8));
        OpenPgpDecryptor other = OpenPgpDecryptor.fromSecretKey(secondSecret, SECOND_PASSPHRASE);
        IOException notOurs = assertThrows(IOException.class, () -> other.decrypt(new ByteArrayInputStream(encrypted)));
        assertTrue(notOurs.getMessage().contains("not encrypted to this key"), notOurs.getMessage());
        IOException notPgp = assertThrows(IOException.class, () -> other.decrypt(
                new ByteArrayInputStream("plain text, not OpenPGP".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(notPgp.getMessage().contains("not a readable OpenPGP encrypted message"), notPgp.getMessage());

        IllegalArgumentException wrongPassphrase = assertThrows(IllegalArgumentException.class,
                () -> OpenPgpDecryptor.fromSecretKey(secondSecret, "wrong".toCharArray()));
        assertTrue(wrongPassphrase.getMessage().contains("passphrase"), wrongPassphrase.getMessage());
        IllegalArgumentException noPassphrase = assertThrows(IllegalArgumentException.class,
                () -> OpenPgpDecryptor.fromSecretKey(secondSecret, NO_PASSPHRASE));
        assertTrue(noPassphrase.getMessage().contains("passphrase"), noPassphrase.getMessage());
    }

    @Test
    void keyTextFormatsAndProblemsAreReportedClearly() throws Exception {
        IllegalArgumentException notAKey = assertThrows(IllegalArgumentException.class,
                () -> OpenPgpEnvelope.forRecipients("not a key"));
        assertTrue(notAKey.getMessage().contains("ASCII-armored") && notAKey.getMessage().contains("base64 -w0"),
                notAKey.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OpenPgpEnvelope.forRecipients(""));
        assertThrows(IllegalArgumentException.class, () -> OpenPgpEnvelope.forRecipients(
                recipientPublic.substring(0, recipientPublic.length() / 2)));

        String fingerprint = gpgFingerprint(recipientPublic);
        assertEquals(List.of(fingerprint), OpenPgpEnvelope.forRecipients(recipientPublic).recipientFingerprints());
        assertEquals(List.of(fingerprint), OpenPgpEnvelope.forRecipients(recipientPublicBase64).recipientFingerprints());
        String wrapped = Base64.getMimeEncoder().encodeToString(Base64.getDecoder().decode(recipientPublicBase64));
        assertEquals(List.of(fingerprint), OpenPgpEnvelope.forRecipients(wrapped).recipientFingerprints());
        assertEquals(List.of(fingerprint, gpgFingerprint(secondPublic)),
                OpenPgpEnvelope.forRecipients(recipientPublicBase64 + " , " + secondPublic).recipientFingerprints());

        IllegalArgumentException secret = assertThrows(IllegalArgumentException.class,
                () -> OpenPgpEnvelope.forRecipients(recipientSecret));
        assertTrue(secret.getMessage().contains("SECRET"), secret.getMessage());
        IllegalArgumentException signOnly = assertThrows(IllegalArgumentException.class,
                () -> OpenPgpEnvelope.forRecipients(signingPublic));
        assertTrue(signOnly.getMessage().contains("no usable encryption key")
                && signOnly.getMessage().contains("key flags"), signOnly.getMessage());
        IllegalArgumentException expired = assertThrows(IllegalArgumentException.class,
                () -> OpenPgpEnvelope.forRecipients(expiredPublic));
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());

        assertEquals(gpgFingerprint(signingPublic),
                OpenPgpSigner.fromSecretKey(signingSecret, NO_PASSPHRASE).fingerprint());
        IllegalArgumentException publicForSigner = assertThrows(IllegalArgumentException.class,
                () -> OpenPgpSigner.fromSecretKey(signingPublic, NO_PASSPHRASE));
        assertTrue(publicForSigner.getMessage().contains("secret key is needed"), publicForSigner.getMessage());
        IllegalArgumentException noSigningKey = assertThrows(IllegalArgumentException.class,
                () -> OpenPgpSigner.fromSecretKey(expiredSecret, NO_PASSPHRASE));
        assertTrue(noSigningKey.getMessage().contains("no usable signing key"), noSigningKey.getMessage());
        IllegalArgumentException signingKeyForDecryption = assertThrows(IllegalArgumentException.class,
                () -> OpenPgpDecryptor.fromSecretKey(signingSecret, NO_PASSPHRASE));
        assertTrue(signingKeyForDecryption.getMessage().contains("certified for encryption"),
                signingKeyForDecryption.getMessage());
        // Expired, but still certified for encryption: a retired key must still open old backups.
        assertNotNull(OpenPgpDecryptor.fromSecretKey(expiredSecret, NO_PASSPHRASE));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static byte[] encryptToDevRecipient(byte[] plaintext) throws IOException {
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        try (OutputStream out = OpenPgpEnvelope.forRecipients(recipientPublic).encrypt(ciphertext, "t.bin", MODIFIED)) {
            writeInUnevenChunks(out, plaintext);
        }
        return ciphertext.toByteArray();
    }

    /** Odd chunk sizes, so that writes straddle the 64 KiB partial packets. */
    private static void writeInUnevenChunks(OutputStream out, byte[] data) throws IOException {
        int offset = 0;
        int chunk = 1;
        while (offset < data.length) {
            int length = Math.min(chunk, data.length - offset);
            if (length == 1) {
                out.write(data[offset]);
            } else {
                out.write(data, offset, length);
            }
            offset += length;
            chunk = chunk * 7 % 100_003 + 1;
        }
    }

    private static byte[] readAllAndClose(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8191];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String devKey(String name) throws IOException {
        Path file = DEV_KEYS.resolve(name);
        assertTrue(Files.isRegularFile(file), "development key missing: " + file.toAbsolutePath());
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    private static String armor(byte[] binary) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().build(buffer)) {
            armored.write(binary);
        }
        return buffer.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] dearmor(byte[] armored) throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
            return in.readAllBytes();
        }
    }

    /** An RSA 2048 primary with the given key flags and an RSA 2048 encryption subkey, optionally expiring. */
    private static PGPSecretKeyRing generateKey(String userId, char[] passphrase, Date created, int primaryKeyFlags,
            long subkeyLifetimeSeconds) throws Exception {
        RSAKeyPairGenerator rsa = new RSAKeyPairGenerator();
        rsa.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 100));
        PGPKeyPair primary = new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(), created);
        PGPKeyPair subkey = new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(), created);

        PGPSignatureSubpacketGenerator primaryFlags = new PGPSignatureSubpacketGenerator();
        primaryFlags.setKeyFlags(false, primaryKeyFlags);
        PGPSignatureSubpacketGenerator subkeyFlags = new PGPSignatureSubpacketGenerator();
        subkeyFlags.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
        if (subkeyLifetimeSeconds > 0) {
            subkeyFlags.setKeyExpirationTime(false, subkeyLifetimeSeconds);
        }
        BcPGPDigestCalculatorProvider digests = new BcPGPDigestCalculatorProvider();
        PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, userId,
                digests.get(HashAlgorithmTags.SHA1), primaryFlags.generate(), null,
                new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
                passphrase.length == 0 ? null
                        : new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                                digests.get(HashAlgorithmTags.SHA256)).build(passphrase));
        generator.addSubKey(subkey, subkeyFlags.generate(), null);
        return generator.generateSecretKeyRing();
    }

    // --- gpg --------------------------------------------------------------------------------------------------

    private record Gpg(List<String> command, int exit, String stdout, String stderr) {
        String describe() {
            return String.join(" ", command) + " exited " + exit + "\nstderr:\n" + stderr + "\nstdout:\n"
                    + (stdout.length() > 4000 ? stdout.substring(0, 4000) + "..." : stdout);
        }
    }

    private static void requireGpg() throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("gpg", "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("GnuPG (gpg 2.2 or later) is required by OpenPgpTest and was not found on PATH: install gnupg"
                    + " (apt-get install gnupg, brew install gnupg); CI installs it. (" + e.getMessage() + ")");
            return;
        }
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0,
                "gpg --version failed; install gnupg: " + version);
        assertTrue(version.startsWith("gpg (GnuPG) 2."), "GnuPG 2.x is required, found: " + version);
    }

    /** A fresh, private GNUPGHOME for one test. */
    private Path gpgHome() throws IOException {
        Path home = Files.createDirectory(dir.resolve("gnupg-" + gpgHomes.size()),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        gpgHomes.add(home);
        return home;
    }

    private Gpg gpg(Path home, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--homedir", home.toString()));
        command.addAll(List.of(arguments));
        Path stdout = Files.createTempFile(dir, "gpg", ".out");
        Path stderr = Files.createTempFile(dir, "gpg", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("GNUPGHOME", home.toString());
        builder.environment().put("LC_ALL", "C"); // messages asserted on are the English ones
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("gpg timed out: " + command);
        }
        return new Gpg(command, process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static void assertGpg(Gpg run, String step) {
        assertEquals(0, run.exit(), () -> "gpg " + step + " failed: " + run.describe());
    }

    /** The primary fingerprint as gpg itself reads it from the key text (armored or base64). */
    private String gpgFingerprint(String keyText) throws Exception {
        byte[] binary = keyText.startsWith("-----BEGIN") ? dearmor(keyText.getBytes(StandardCharsets.US_ASCII))
                : Base64.getDecoder().decode(keyText.strip());
        Path file = Files.createTempFile(dir, "key", ".gpg");
        Files.write(file, binary);
        Path home = gpgHomes.isEmpty() ? gpgHome() : gpgHomes.get(0);
        Gpg show = gpg(home, "--with-colons", "--show-keys", file.toString());
        assertGpg(show, "show-keys");
        for (String line : show.stdout().split("\n")) {
            if (line.startsWith("fpr:")) {
                String fingerprint = line.split(":")[9];
                assertNotNull(fingerprint);
                return fingerprint; // the first fpr line is the primary key's
            }
        }
        throw new AssertionError("gpg printed no fingerprint: " + show.describe());
    }
}
