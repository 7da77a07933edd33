package org.custodian.infrastructure.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attachment format: OpenPGP symmetric messages that gpg opens, data keys wrapped the same way. */
class AttachmentCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path work;

    private static char[] randomKey() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw).toCharArray();
    }

    private static byte[] encrypt(byte[] plain, char[] passphrase) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = AttachmentCipher.encrypting(out, passphrase, "report.pdf")) {
            // in uneven pieces, as a network upload arrives
            for (int offset = 0; offset < plain.length; offset += 7001) {
                encrypting.write(plain, offset, Math.min(7001, plain.length - offset));
            }
        }
        return out.toByteArray();
    }

    @Test
    void roundTripsLargeContentAndRefusesAnotherKey() throws IOException {
        byte[] plain = new byte[3 * 1024 * 1024 + 17];
        RANDOM.nextBytes(plain);
        char[] key = randomKey();
        byte[] message = encrypt(plain, key);
        try (InputStream in = AttachmentCipher.decrypting(new ByteArrayInputStream(message), key)) {
            assertArrayEquals(plain, in.readAllBytes());
        }
        assertThrows(IOException.class, () -> {
            try (InputStream in = AttachmentCipher.decrypting(new ByteArrayInputStream(message), randomKey())) {
                in.readAllBytes();
            }
        });
    }

    @Test
    void anAlteredCiphertextFailsItsIntegrityCheck() throws IOException {
        byte[] plain = "the customer's log file\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        char[] key = randomKey();
        byte[] message = encrypt(plain, key);
        message[message.length / 2] ^= 0x01;
        assertThrows(IOException.class, () -> {
            try (InputStream in = AttachmentCipher.decrypting(new ByteArrayInputStream(message), key)) {
                in.readAllBytes();
            }
        });
    }

    @Test
    void aMasterKeyWrapsAndUnwrapsDataKeys() {
        MasterKey master = new MasterKey(new String(randomKey()));
        char[] dataKey = randomKey();
        assertArrayEquals(dataKey, master.unwrap(master.wrap(dataKey)));
        MasterKey other = new MasterKey(new String(randomKey()));
        assertThrows(IllegalStateException.class, () -> other.unwrap(master.wrap(dataKey)));
        assertTrue(master.fingerprint().startsWith("hmac:"));
        assertThrows(IllegalStateException.class, () -> new MasterKey("c2hvcnQ="));
    }

    /**
     * Files stored before the cipher moved from Bouncy Castle's lightweight engines to the JDK's (AES-NI) open with
     * the new code, and what the new code writes opens with the old engines: the same OpenPGP format either way.
     */
    @Test
    void messagesOfTheLightweightEnginesAndOfTheJdkOpenEachOther() throws Exception {
        byte[] plain = new byte[200_003];
        RANDOM.nextBytes(plain);
        char[] key = randomKey();
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        org.bouncycastle.openpgp.PGPEncryptedDataGenerator generator =
                new org.bouncycastle.openpgp.PGPEncryptedDataGenerator(
                        new org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder(
                                org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true));
        generator.addMethod(new org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator(key,
                new org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider().get(
                        org.bouncycastle.bcpg.HashAlgorithmTags.SHA256), 0x60));
        try (OutputStream encrypted = generator.open(old, new byte[1 << 16])) {
            org.bouncycastle.openpgp.PGPLiteralDataGenerator literal =
                    new org.bouncycastle.openpgp.PGPLiteralDataGenerator();
            try (OutputStream data = literal.open(encrypted, org.bouncycastle.openpgp.PGPLiteralData.BINARY, "old.bin",
                    new java.util.Date(), new byte[1 << 16])) {
                data.write(plain);
            }
        }
        try (InputStream in = AttachmentCipher.decrypting(new ByteArrayInputStream(old.toByteArray()), key)) {
            assertArrayEquals(plain, in.readAllBytes());
        }
        Object list = new org.bouncycastle.openpgp.bc.BcPGPObjectFactory(encrypt(plain, key)).nextObject();
        org.bouncycastle.openpgp.PGPPBEEncryptedData data = (org.bouncycastle.openpgp.PGPPBEEncryptedData)
                ((org.bouncycastle.openpgp.PGPEncryptedDataList) list).get(0);
        InputStream clear = data.getDataStream(new org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory(key,
                new org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider()));
        org.bouncycastle.openpgp.PGPLiteralData literal = (org.bouncycastle.openpgp.PGPLiteralData)
                new org.bouncycastle.openpgp.bc.BcPGPObjectFactory(clear).nextObject();
        assertArrayEquals(plain, literal.getInputStream().readAllBytes());
        assertTrue(data.verify(), "the MDC written through the JDK's SHA-1 checks with Bouncy Castle's");
    }

    /** What docs/formats.md tells an operator: two gpg calls, no Custodian code. */
    @Test
    void gpgUnwrapsTheDataKeyAndOpensTheAttachment() throws Exception {
        String masterText = new String(randomKey());
        MasterKey master = new MasterKey(masterText);
        char[] dataKey = randomKey();
        byte[] plain = "Invoice 2026-12\nline 2\n".getBytes(StandardCharsets.UTF_8);
        Files.write(work.resolve("attachment.gpg"), encrypt(plain, dataKey));
        Files.write(work.resolve("data-key.gpg"), master.wrap(dataKey));
        Files.writeString(work.resolve("master-key"), masterText);
        Path home = Files.createDirectories(work.resolve("gnupg"));
        gpg(home, "--output", "data-key", "--decrypt", "--passphrase-file", "master-key", "data-key.gpg");
        assertEquals(new String(dataKey), Files.readString(work.resolve("data-key")));
        gpg(home, "--output", "attachment", "--decrypt", "--passphrase-file", "data-key", "attachment.gpg");
        assertArrayEquals(plain, Files.readAllBytes(work.resolve("attachment")));
    }

    /**
     * Sizes around the 256 KiB partial body parts (the literal packet's head is 6 octets plus the name): every one
     * opens with this reader and with Bouncy Castle's, including the name it carries.
     */
    @Test
    void contentOfEverySizeAroundThePartsOpensWithBothReaders() throws Exception {
        String longName = "Jahresübersicht-".repeat(20) + ".pdf"; // over the literal packet's 255 octets
        int part = 1 << 18;
        for (int size : new int[] {0, 1, 15, 16, 17, part - 16, part - 6 - 11, part - 5 - 11, part, part + 1,
                2 * part + 5}) {
            byte[] plain = new byte[size];
            RANDOM.nextBytes(plain);
            char[] key = randomKey();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream encrypting = AttachmentCipher.encrypting(out, key, size == 0 ? longName : "a.bin")) {
                encrypting.write(plain);
            }
            byte[] message = out.toByteArray();
            try (InputStream in = AttachmentCipher.decrypting(new ByteArrayInputStream(message), key)) {
                assertArrayEquals(plain, in.readAllBytes(), "size " + size);
            }
            org.bouncycastle.openpgp.PGPPBEEncryptedData data = (org.bouncycastle.openpgp.PGPPBEEncryptedData)
                    ((org.bouncycastle.openpgp.PGPEncryptedDataList) new org.bouncycastle.openpgp.bc
                            .BcPGPObjectFactory(message).nextObject()).get(0);
            org.bouncycastle.openpgp.PGPLiteralData literal = (org.bouncycastle.openpgp.PGPLiteralData)
                    new org.bouncycastle.openpgp.bc.BcPGPObjectFactory(data.getDataStream(
                            new org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory(key,
                                    new org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider())))
                            .nextObject();
            assertArrayEquals(plain, literal.getInputStream().readAllBytes(), "size " + size);
            assertTrue(data.verify(), "size " + size);
            if (size == 0) {
                assertTrue(longName.startsWith(literal.getFileName()) && literal.getFileName().length() > 100,
                        literal.getFileName());
            }
        }
    }

    @Test
    void aMessageCutShortFailsAtItsEnd() throws IOException {
        byte[] plain = new byte[100_000];
        RANDOM.nextBytes(plain);
        char[] key = randomKey();
        byte[] message = encrypt(plain, key);
        for (int cut : new int[] {1, 21, 23, 5000}) {
            byte[] shorter = java.util.Arrays.copyOf(message, message.length - cut);
            assertThrows(IOException.class, () -> {
                try (InputStream in = AttachmentCipher.decrypting(new ByteArrayInputStream(shorter), key)) {
                    in.readAllBytes();
                }
            }, "cut by " + cut);
        }
    }

    /** A file an operator encrypted with gpg itself (as a restore might bring one back) opens too. */
    @Test
    void whatGpgEncryptsOpens() throws Exception {
        byte[] plain = new byte[300_000];
        RANDOM.nextBytes(plain);
        char[] key = randomKey();
        Files.write(work.resolve("plain.bin"), plain);
        Files.writeString(work.resolve("key"), new String(key));
        Path home = Files.createDirectories(work.resolve("gnupg-sym"));
        gpg(home, "--symmetric", "--cipher-algo", "AES256", "--compress-algo", "none", "--passphrase-file", "key",
                "--output", "plain.bin.gpg", "plain.bin");
        try (InputStream in = AttachmentCipher.decrypting(Files.newInputStream(work.resolve("plain.bin.gpg")), key)) {
            assertArrayEquals(plain, in.readAllBytes());
        }
    }

    private void gpg(Path home, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch",
                "--yes", "--pinentry-mode", "loopback"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "gpg did not finish");
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ":\n" + output);
    }
}
